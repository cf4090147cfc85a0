import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Subtitle1,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { SummaryCommand, SummaryView, Tile } from "../model/summaryView";
import { useListStyles } from "./listStyles";

const TONES: Record<Tile["tone"], string> = {
  good: tokens.colorPaletteGreenBorderActive,
  warning: tokens.colorPaletteMarigoldBorderActive,
  bad: tokens.colorPaletteRedBorderActive,
  neutral: tokens.colorNeutralStroke1,
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Two tiles a row from 350 px, one below: a figure is never squeezed into a sliver.
  tiles: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    overflowWrap: "anywhere",
  },
  menus: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

export interface PracticeOverviewProps {
  readonly view: SummaryView;
  readonly onAdd: () => void;
  readonly onCommand: (command: SummaryCommand) => void;
}

/** The practice at a glance: headline figures as tiles, the actions by when they are due, the templates here. */
export function PracticeOverview({ view, onAdd, onCommand }: PracticeOverviewProps) {
  const styles = useStyles();
  const lists = useListStyles();
  return (
    <section className={styles.root} aria-labelledby="overview-heading">
      <Subtitle1 as="h2" id="overview-heading">
        This workbook&apos;s FinOps practice
      </Subtitle1>
      <ul className={styles.tiles} aria-label="Headline figures">
        {view.tiles.map((tile) => (
          <li
            key={tile.key}
            className={styles.tile}
            style={{ borderLeftColor: TONES[tile.tone] }}
            aria-label={`${tile.label}: ${tile.value}${tile.detail ? `. ${tile.detail}` : ""}`}
          >
            <Caption1>{tile.label}</Caption1>
            <Text weight="semibold">{tile.value}</Text>
            {tile.detail && <Caption1>{tile.detail}</Caption1>}
          </li>
        ))}
      </ul>
      <div className={styles.menus} role="group" aria-label="Work on this workbook">
        {view.groups.map((group) => (
          // Inline, so the open menu stays inside the pane's main landmark for screen readers.
          <Menu key={group.label} inline>
            <MenuTrigger disableButtonEnhancement>
              <MenuButton>{group.label}</MenuButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {group.items.map((item) => (
                  <MenuItem key={item.command} onClick={() => onCommand(item.command)}>
                    {item.label}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        ))}
        <Button onClick={onAdd}>Add templates</Button>
      </div>
      <Subtitle2 as="h3">Templates in this workbook</Subtitle2>
      <ul className={lists.list} aria-label="Templates in this workbook">
        {view.rows.map((row) => (
          <li key={`${row.templateId}:${row.sheets}`} className={lists.item}>
            <span className={styles.title}>
              <Text weight="semibold">{row.title}</Text>
              <Badge appearance="outline">{row.version}</Badge>
              {row.update && (
                <Badge appearance="tint" color="informative">
                  {row.update}
                </Badge>
              )}
            </span>
            <Caption1>Sheets: {row.sheets}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
