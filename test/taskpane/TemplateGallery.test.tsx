/**
 * @jest-environment jsdom
 */
import * as fs from "fs";
import * as path from "path";
import { fireEvent, screen, within } from "@testing-library/react";
import TemplateGallery from "../../src/taskpane/views/TemplateGallery";
import { TEMPLATES } from "../../src/workbook/templates";
import { renderPane } from "./renderPane";

describe("template gallery", () => {
  it("shows a card per template: what it is for, who uses it and a preview of the sheet", () => {
    renderPane(<TemplateGallery onChoose={() => undefined} />, null);
    const cards = within(screen.getByRole("list", { name: "Templates" })).getAllByRole("listitem");
    expect(cards).toHaveLength(TEMPLATES.length);
    TEMPLATES.forEach((template, i) => {
      const card = within(cards[i]);
      expect(card.getByRole("heading", { level: 3, name: template.title })).toBeTruthy();
      expect(card.getByText(template.purpose)).toBeTruthy();
      expect(card.getByText(`For ${template.audience}`)).toBeTruthy();
      const image = card.getByRole("img") as HTMLImageElement;
      expect(image.getAttribute("src")).toBe(`assets/preview-${template.id}.png`);
      expect(image.alt).toMatch(/^Preview of the .+ sheet with sample data$/);
      // webpack copies assets/*.png next to taskpane.html
      expect(
        fs.existsSync(path.join(__dirname, "../..", `assets/preview-${template.id}.png`))
      ).toBe(true);
    });
  });

  it("Create opens the options for one template; the practice set in one click", () => {
    const onChoose = jest.fn();
    renderPane(<TemplateGallery onChoose={onChoose} />, null);
    fireEvent.click(screen.getByRole("button", { name: "Create Team budget" }));
    expect(onChoose).toHaveBeenLastCalledWith(["team-budget"]);
    fireEvent.click(
      screen.getByRole("button", { name: "Create the full practice set (7 workbooks)" })
    );
    expect(onChoose).toHaveBeenLastCalledWith(TEMPLATES.map((t) => t.id));
  });
});
