// The five lenses of the FinOps Assessment playbook (FinOps Foundation, CC BY 4.0), each scored 0 to 4.
// Level headings and descriptions are paraphrased from the playbook's "Lenses Used in Assessment".

export const LENS_SOURCE =
  "FinOps Foundation, FinOps Assessment playbook: lenses used in assessment";

export interface Lens {
  /** Column key of the lens score in the capability table. */
  readonly key: "knowledge" | "process" | "metrics" | "adoption" | "automation";
  readonly name: string;
  /** The question the lens asks of a capability. */
  readonly question: string;
  /** Input help on the score cells (Excel shows at most 255 characters). */
  readonly help: string;
  /** Scores 0 to 4: heading and what it looks like. */
  readonly levels: readonly { readonly heading: string; readonly description: string }[];
}

export const LENSES: readonly Lens[] = [
  {
    key: "knowledge",
    name: "Knowledge",
    question: "How widely is the capability understood, and how clearly is it communicated?",
    help: "Score 0-4. 0 none: nobody discusses it. 1 partial: a few people are learning. 2 developing: key stakeholders understand it. 3 full: known across the group, with onboarding and refreshers. 4 leader: the group spreads it to others.",
    levels: [
      {
        heading: "No knowledge",
        description:
          "The target group effectively does not know the capability: nobody talks about it or works to learn more.",
      },
      {
        heading: "Partial knowledge",
        description:
          "First knowledge is spreading among a few key stakeholders, but it is not yet common knowledge in the group.",
      },
      {
        heading: "Developing knowledge",
        description:
          "A limited number of key stakeholders understand the basics; what they know is not yet shared at scale.",
      },
      {
        heading: "Full knowledge",
        description:
          "The capability is well known throughout the group, built into onboarding and reinforced by training or other regular communication.",
      },
      {
        heading: "Knowledge leader",
        description:
          "The group drives awareness beyond itself, to peer groups and the wider industry, and builds new insight into the capability.",
      },
    ],
  },
  {
    key: "process",
    name: "Process",
    question:
      "Are the actions that deliver the capability defined, documented and followed, and do they work?",
    help: "Score 0-4. 0 none: no consistent process. 1 being defined or piloted. 2 a working process followed by some teams. 3 scaled: documented, with feedback loops. 4 mature: integrated everywhere and refined with stakeholder feedback.",
    levels: [
      {
        heading: "No process",
        description:
          "No described, consistent process governs any part of the capability in the group.",
      },
      {
        heading: "Implementing process",
        description:
          "Processes are being formed, defined and perhaps tested, but are not yet business as usual.",
      },
      {
        heading: "Developing (proof of concept) process",
        description:
          "Relevant, working processes are agreed and followed by at least some of the teams.",
      },
      {
        heading: "Scaled process",
        description: "Processes are scaled and documented, with periodic feedback loops in place.",
      },
      {
        heading: "Mature (agile) process",
        description:
          "Clear, transparent and fully integrated processes are established consistently everywhere and keep improving with stakeholder feedback.",
      },
    ],
  },
  {
    key: "metrics",
    name: "Metrics",
    question:
      "Is the capability measured, and can progress be shown over time with relevant measures?",
    help: "Score 0-4. 0 none: nothing measured. 1 identified: useful metrics chosen. 2 baselined: manual red/amber/green measures. 3 KPIs with targets, collected on a set cadence. 4 automated SMART KPIs tied to business goals, reviewed regularly.",
    levels: [
      {
        heading: "No metrics",
        description:
          "Nothing is measured: there is no direct insight into the state or progress of the capability.",
      },
      {
        heading: "Identified metrics",
        description:
          "The metrics the business finds valuable for trade-off decisions on this capability have been identified.",
      },
      {
        heading: "Baselined metrics",
        description:
          "First, manually produced metrics give a basic red, amber and green view of the capability.",
      },
      {
        heading: "Established metric targets",
        description:
          "KPIs with targets cover at least part of the capability and are collected on an agreed cadence.",
      },
      {
        heading: "Mature, global KPIs",
        description:
          "SMART KPIs are in place everywhere, automated, refined on a regular cadence and linked directly to business goals and performance.",
      },
    ],
  },
  {
    key: "adoption",
    name: "Adoption",
    question:
      "How broadly are the knowledge, processes and KPIs of the capability used and accepted across the group?",
    help: "Score 0-4. 0 none: not used anywhere in the group. 1 siloed: one group uses parts of it, unstandardised. 2 early standards vetted by a few people. 3 key: standard practice for most of the group. 4 full: used and improved by the whole group.",
    levels: [
      {
        heading: "No adoption",
        description: "The capability is not in place anywhere in the target group.",
      },
      {
        heading: "Siloed adoption",
        description:
          "A siloed group has adopted parts of the capability, without standards or evidence of good practice.",
      },
      {
        heading: "Initial standardised adoption",
        description:
          "Early parts of the capability are being standardised and vetted by a few people in the group.",
      },
      {
        heading: "Key adoption",
        description:
          "Standardised parts of the capability are business as usual for most of the target group.",
      },
      {
        heading: "Full adoption",
        description:
          "The whole capability is in place across the target group, which actively uses and improves it.",
      },
    ],
  },
  {
    key: "automation",
    name: "Automation",
    question:
      "Are repeatable tasks automated, for consistency, speed and scale, rather than done by hand?",
    help: "Score 0-4. 0 none: done by hand. 1 automation needs identified and mapped. 2 experimental: some key steps automated. 3 primary: the most demanding steps automated. 4 full: all repeatable tasks automated, new ones reviewed for automation.",
    levels: [
      {
        heading: "No automation",
        description: "Practically every action of the capability is carried out by hand.",
      },
      {
        heading: "Automation opportunities identified",
        description:
          "The automation needed to reduce manual effort and time is being identified and mapped.",
      },
      {
        heading: "Experimental automation",
        description: "Some key actions are starting to run through automated workflows and tools.",
      },
      {
        heading: "Primary automation",
        description: "The main or most demanding actions have been handed over to automation.",
      },
      {
        heading: "Full automation",
        description:
          "All material, repeatable tasks are automated, and new tasks are reviewed for automation as the capability evolves.",
      },
    ],
  },
];
