import {
  Badge,
  Body1,
  Caption1,
  Link,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { FindingGroup } from "../model/checkView";
import { useListStyles } from "./listStyles";
import { PlainText } from "./PlainText";

const useStyles = makeStyles({
  location: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

export interface FindingListProps {
  readonly group: FindingGroup;
  readonly onGoTo: (sheet: string, address: string) => void;
}

/** One severity's findings: where (a Go to link), what is wrong, how to fix it. */
export function FindingList({ group, onGoTo }: FindingListProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const headingId = `findings-${group.severity}`;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {group.title} ({group.findings.length + group.more})
      </Subtitle2>
      <ul className={lists.list} aria-labelledby={headingId}>
        {group.findings.map((finding) => (
          <li key={finding.key} className={lists.item}>
            <div className={styles.location}>
              {finding.canGoTo ? (
                <Link
                  as="button"
                  onClick={() => onGoTo(finding.sheet, finding.address)}
                  aria-label={`Go to ${finding.location}`}
                >
                  {finding.location}
                </Link>
              ) : (
                <Body1>{finding.location}</Body1>
              )}
              {finding.repairable && (
                <Badge appearance="tint" color="informative">
                  Repair puts this right
                </Badge>
              )}
            </div>
            <Body1>
              <PlainText text={finding.what} />
            </Body1>
            <Caption1>
              <PlainText text={finding.fix} />
            </Caption1>
          </li>
        ))}
      </ul>
      {group.more > 0 && (
        <Caption1>And {group.more} more, listed when you check again after fixing these.</Caption1>
      )}
    </section>
  );
}
