import {
  Body1,
  Button,
  Caption1,
  Card,
  CardFooter,
  CardHeader,
  CardPreview,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { TemplateCardModel } from "../model/templateCards";

const useStyles = makeStyles({
  card: { width: "100%", boxSizing: "border-box" },
  preview: { backgroundColor: tokens.colorNeutralBackground1 },
  image: { width: "100%", maxWidth: "320px", height: "auto", display: "block" },
});

export interface TemplateCardProps {
  readonly card: TemplateCardModel;
  readonly onCreate: (id: string) => void;
}

/** One template: what it is for, who uses it, a preview of the sheet, and Create. */
export function TemplateCard({ card, onCreate }: TemplateCardProps) {
  const styles = useStyles();
  const headingId = `template-${card.id}`;
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <CardPreview className={styles.preview}>
        <img
          className={styles.image}
          src={card.preview}
          alt={card.previewAlt}
          loading="lazy"
          width={320}
          height={200}
        />
      </CardPreview>
      <CardHeader
        header={
          <Text as="h3" weight="semibold" id={headingId} style={{ margin: 0 }}>
            {card.title}
          </Text>
        }
        description={<Caption1>For {card.audience}</Caption1>}
      />
      <Body1>{card.purpose}</Body1>
      {card.needs.length > 0 && (
        <Caption1>Takes its figures from: {card.needs.join(", ")}.</Caption1>
      )}
      <CardFooter>
        <Button
          appearance="primary"
          aria-label={`Create ${card.title}`}
          onClick={() => onCreate(card.id)}
        >
          Create
        </Button>
      </CardFooter>
    </Card>
  );
}
