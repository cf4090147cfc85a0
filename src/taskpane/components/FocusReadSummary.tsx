import { Body1, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import type { FocusImport } from "../../domain/focus/focusTypes";
import { currencyNote, issuesHeading, readSummary } from "../model/costImport";
import { FocusIssueList } from "./FocusIssueList";
import { NoticeTitle } from "./NoticeTitle";

/** What a read found, before anything is written: rows, files and versions, currencies, issues. */
export function FocusReadSummary({ result }: { readonly result: FocusImport }) {
  const currencies = currencyNote(result);
  return (
    <>
      {readSummary(result).map((line) => (
        <Body1 key={line}>{line}</Body1>
      ))}
      {currencies && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <NoticeTitle>Several currencies</NoticeTitle>
            {currencies}
          </MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2 as="h3">{issuesHeading(result)}</Subtitle2>
      {result.issues.length > 0 && <FocusIssueList issues={result.issues} />}
    </>
  );
}
