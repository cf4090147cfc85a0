import { useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  Subtitle1,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ALL_TEMPLATE_IDS, templateCards, TemplateCardModel } from "../model/templateCards";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Lined up under the checkbox's label.
  details: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: "32px",
  },
  preview: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
  },
  image: { width: "100%", maxWidth: "320px", height: "auto", display: "block" },
  // Create stays in view at the bottom of the pane, however far down the list the user is.
  footer: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface TemplateGalleryProps {
  readonly onChoose: (templateIds: readonly string[]) => void;
}

/** The templates as a list to tick, a preview of each on demand, and one Create for the selection. */
export default function TemplateGallery({ onChoose }: TemplateGalleryProps) {
  const styles = useStyles();
  const cards = templateCards();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [asked, setAsked] = useState(false);
  const all = selected.size === cards.length;
  const toggle = (id: string, on: boolean) =>
    setSelected((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const create = () => {
    setAsked(true);
    // In the gallery's order, whatever order they were ticked in.
    if (selected.size > 0) onChoose(ALL_TEMPLATE_IDS.filter((id) => selected.has(id)));
  };
  return (
    <section className={styles.root} aria-labelledby="gallery-heading">
      <Subtitle1 as="h2" id="gallery-heading">
        Templates
      </Subtitle1>
      <Body1>
        Tick the templates to add. Each adds its own sheets; nothing already in the workbook is
        changed.
      </Body1>
      <Checkbox
        label="All templates (the full practice set)"
        checked={all ? true : selected.size > 0 ? "mixed" : false}
        onChange={(_, data) => setSelected(new Set(data.checked === true ? ALL_TEMPLATE_IDS : []))}
      />
      <ul className={styles.list} aria-label="Templates">
        {cards.map((card) => (
          <TemplateRow
            key={card.id}
            card={card}
            selected={selected.has(card.id)}
            onToggle={(on) => toggle(card.id, on)}
          />
        ))}
      </ul>
      <div className={styles.footer}>
        <Button appearance="primary" onClick={create}>
          {selected.size === 0 ? "Create selected" : `Create selected (${selected.size})`}
        </Button>
        {asked && selected.size === 0 && (
          <Caption1 role="alert">Tick at least one template first.</Caption1>
        )}
      </div>
    </section>
  );
}

interface TemplateRowProps {
  readonly card: TemplateCardModel;
  readonly selected: boolean;
  readonly onToggle: (on: boolean) => void;
}

/** One template: tick it, what it is for; its audience, sources and a preview of the sheet on demand. */
function TemplateRow({ card, selected, onToggle }: TemplateRowProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const detailsId = `template-details-${card.id}`;
  return (
    <li className={styles.row}>
      <Checkbox
        label={<Text weight="semibold">{card.title}</Text>}
        checked={selected}
        onChange={(_, data) => onToggle(data.checked === true)}
      />
      <div className={styles.details}>
        <Caption1>{card.purpose}</Caption1>
        <Link
          as="button"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`${open ? "Hide" : "Show"} preview of ${card.title}`}
          onClick={() => setOpen(!open)}
        >
          <Caption1>{open ? "Hide preview" : "Show preview"}</Caption1>
        </Link>
        {open && (
          <div id={detailsId} className={styles.preview}>
            <Caption1>For {card.audience}</Caption1>
            {card.needs.length > 0 && (
              <Caption1>Takes its figures from: {card.needs.join(", ")}.</Caption1>
            )}
            <img
              className={styles.image}
              src={card.preview}
              alt={card.previewAlt}
              width={320}
              height={200}
            />
          </div>
        )}
      </div>
    </li>
  );
}
