/**
 * @jest-environment jsdom
 */
import * as fs from "fs";
import * as path from "path";
import { fireEvent, screen, within } from "@testing-library/react";
import TemplateGallery from "../../src/taskpane/views/TemplateGallery";
import { TEMPLATES } from "../../src/workbook/templates";
import { renderPane } from "./renderPane";

const checkbox = (name: string | RegExp) =>
  screen.getByRole("checkbox", { name }) as HTMLInputElement;

describe("template gallery", () => {
  it("lists every template to tick with what it is for; audience, sources and preview on demand", () => {
    renderPane(<TemplateGallery onChoose={() => undefined} />, null);
    const rows = within(screen.getByRole("list", { name: "Templates" })).getAllByRole("listitem");
    expect(rows).toHaveLength(TEMPLATES.length);
    // No image is loaded until asked for: the list stays short.
    expect(screen.queryAllByRole("img")).toHaveLength(0);
    TEMPLATES.forEach((template, i) => {
      const row = within(rows[i]);
      expect(row.getByRole("checkbox", { name: template.title })).toBeTruthy();
      expect(row.getByText(template.purpose)).toBeTruthy();
      const show = row.getByRole("button", { name: `Show preview of ${template.title}` });
      expect(show.getAttribute("aria-expanded")).toBe("false");
      fireEvent.click(show);
      expect(show.getAttribute("aria-expanded")).toBe("true");
      expect(row.getByText(`For ${template.audience}`)).toBeTruthy();
      const image = row.getByRole("img") as HTMLImageElement;
      expect(image.getAttribute("src")).toBe(`assets/preview-${template.id}.png`);
      expect(image.alt).toMatch(/^Preview of the .+ sheet with sample data$/);
      // webpack copies assets/*.png next to taskpane.html
      expect(
        fs.existsSync(path.join(__dirname, "../..", `assets/preview-${template.id}.png`))
      ).toBe(true);
      fireEvent.click(row.getByRole("button", { name: `Hide preview of ${template.title}` }));
      expect(row.queryByRole("img")).toBeNull();
    });
  });

  it("one Create for what is ticked, in the gallery's order; nothing ticked says so", () => {
    const onChoose = jest.fn();
    renderPane(<TemplateGallery onChoose={onChoose} />, null);
    fireEvent.click(screen.getByRole("button", { name: "Create selected" }));
    expect(onChoose).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe("Tick at least one template first.");
    fireEvent.click(checkbox("Adoption plan"));
    fireEvent.click(checkbox("Team budget"));
    expect(checkbox(/^All templates/).checked).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Create selected (2)" }));
    expect(onChoose).toHaveBeenLastCalledWith(["team-budget", "adoption-plan"]);
  });

  it("All templates ticks the full practice set, and unticks it", () => {
    const onChoose = jest.fn();
    renderPane(<TemplateGallery onChoose={onChoose} />, null);
    fireEvent.click(checkbox(/^All templates/));
    expect(TEMPLATES.every((t) => checkbox(t.title).checked)).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: `Create selected (${TEMPLATES.length})` }));
    expect(onChoose).toHaveBeenLastCalledWith(TEMPLATES.map((t) => t.id));
    fireEvent.click(checkbox(/^All templates/));
    expect(TEMPLATES.some((t) => checkbox(t.title).checked)).toBe(false);
  });
});
