import { Body1, Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { TemplateCard } from "../components/TemplateCard";
import { ALL_TEMPLATE_IDS, templateCards } from "../model/templateCards";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export interface TemplateGalleryProps {
  readonly onChoose: (templateIds: readonly string[]) => void;
}

/** A card per template, and the whole practice set in one click. */
export default function TemplateGallery({ onChoose }: TemplateGalleryProps) {
  const styles = useStyles();
  const cards = templateCards();
  return (
    <section className={styles.root} aria-labelledby="gallery-heading">
      <Subtitle1 as="h2" id="gallery-heading">
        Templates
      </Subtitle1>
      <Body1>
        Each template adds its own sheets; existing sheets, tables and names are never overwritten.
      </Body1>
      <div>
        <Button appearance="primary" onClick={() => onChoose(ALL_TEMPLATE_IDS)}>
          Create the full practice set ({cards.length} workbooks)
        </Button>
      </div>
      <ul className={styles.list} aria-label="Templates">
        {cards.map((card) => (
          <li key={card.id}>
            <TemplateCard card={card} onCreate={(id) => onChoose([id])} />
          </li>
        ))}
      </ul>
    </section>
  );
}
