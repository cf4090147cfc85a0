/** worksheet.charts: add, title, legend, series and position. */
import { formatRect, parseAddress, qualifiedAddress } from "../addresses";
import { invalidArgument } from "../errors";
import { ChartLegendPosition, ChartType, checkEnum } from "../enums";
import { addChart, addSeries, findChart, seriesAt } from "../model/charts";
import { ChartData, SeriesData, SheetData } from "../model/types";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake, ClientResultFake, CollectionFake } from "./proxy";
import { RangeFake } from "./range";
import { Ref } from "./refs";

const quote = (value: unknown) => JSON.stringify(value ?? null);
const CHART_PROPERTIES = ["id", "name", "chartType"];

interface ChartTarget {
  readonly sheet: SheetData;
  readonly chart: ChartData;
}

/** Charts are found by id once their add() ran, or by name on their sheet. */
class ChartRef {
  id: string | undefined;
  constructor(
    private readonly find: (model: WorkbookModel) => ChartTarget | undefined = () => undefined
  ) {}
  lookup(model: WorkbookModel): ChartTarget | null {
    if (this.id === undefined) this.id = this.find(model)?.chart.id;
    return (this.id !== undefined && findChart(model, this.id)) || null;
  }
}

/** A Range argument as a sheet-qualified absolute address ("Data!$B$2:$B$9"). */
function sourceOf(
  model: WorkbookModel,
  range: unknown,
  what: string
): { sheet: SheetData; address: string } {
  const target = range instanceof RangeFake ? range.find(model) : null;
  if (!target) throw invalidArgument(`${what} must be a Range that exists.`);
  return { sheet: target.sheet, address: qualifiedAddress(target.sheet.name, target.rect, true) };
}

export class ChartCollectionFake extends CollectionFake<ChartData, ChartFake> {
  protected readonly kind = "charts";
  protected readonly itemProperties = CHART_PROPERTIES;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly sheet: Ref<SheetData>
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): ChartData[] | null {
    return this.sheet.lookup(model)?.charts ?? null;
  }

  protected itemProxy(chart: ChartData): ChartFake {
    const ref = new ChartRef();
    ref.id = chart.id;
    return new ChartFake(this.context, `${this.opPath}.getItem(${quote(chart.name)})`, ref);
  }

  /** sourceData must be a Range (Office.js does not take an address string here). */
  add(type: string, sourceData: RangeFake, seriesBy?: string): ChartFake {
    const ref = new ChartRef();
    this.queue("add", [type, sourceData, seriesBy], (model) => {
      const sheet = this.sheet.lookup(model)!;
      const source = sourceData instanceof RangeFake ? sourceData.find(model) : null;
      if (!source) throw invalidArgument("charts.add needs a Range that exists as sourceData.");
      ref.id = addChart(model, sheet, type, source, seriesBy).id;
    });
    return new ChartFake(this.context, `${this.opPath}.add(${quote(type)})`, ref);
  }

  private byName(name: string): ChartRef {
    return new ChartRef((model) => {
      const sheet = this.sheet.lookup(model);
      const chart = sheet?.charts.find((c) => c.name === name);
      return sheet && chart ? { sheet, chart } : undefined;
    });
  }

  getItem(name: string): ChartFake {
    return new ChartFake(this.context, `${this.opPath}.getItem(${quote(name)})`, this.byName(name));
  }

  getItemOrNullObject(name: string): ChartFake {
    return new ChartFake(
      this.context,
      `${this.opPath}.getItemOrNullObject(${quote(name)})`,
      this.byName(name),
      true
    );
  }

  getItemAt(index: number): ChartFake {
    const ref = new ChartRef((model) => {
      const sheet = this.sheet.lookup(model);
      const chart = sheet?.charts[index];
      return sheet && chart ? { sheet, chart } : undefined;
    });
    return new ChartFake(this.context, `${this.opPath}.getItemAt(${index})`, ref);
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("getCount", [], (_model, charts) => {
      const count = charts.length;
      return () => result.settle(count);
    });
    return result;
  }
}

abstract class ChartPartFake extends ClientObjectFake<ChartTarget> {
  constructor(
    context: FakeRequestContext,
    opPath: string,
    protected readonly ref: ChartRef,
    nullable = false
  ) {
    super(context, opPath, nullable);
  }

  protected lookup(model: WorkbookModel): ChartTarget | null {
    return this.ref.lookup(model);
  }
}

export class ChartTitleFake extends ChartPartFake {
  protected readonly kind = "chart.title";
  protected readonly scalarProperties = ["text", "visible"];

  readProperty(_model: WorkbookModel, { chart }: ChartTarget, name: string): unknown {
    return name === "text" ? chart.title : chart.titleVisible;
  }
  get text(): string {
    return this.get("text");
  }
  /** Setting a title also shows it, as in Excel. */
  set text(text: string) {
    this.put("text", text, (_model, { chart }) => {
      if (typeof text !== "string") throw invalidArgument("A chart title must be text.");
      chart.title = text;
      chart.titleVisible = true;
    });
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(visible: boolean) {
    this.put("visible", visible, (_model, { chart }) => {
      chart.titleVisible = visible === true;
    });
  }
}

export class ChartLegendFake extends ChartPartFake {
  protected readonly kind = "chart.legend";
  protected readonly scalarProperties = ["visible", "position"];

  readProperty(_model: WorkbookModel, { chart }: ChartTarget, name: string): unknown {
    return chart.legend[name as "visible" | "position"];
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(visible: boolean) {
    this.put("visible", visible, (_model, { chart }) => {
      chart.legend.visible = visible === true;
    });
  }
  get position(): string {
    return this.get("position");
  }
  set position(position: string) {
    this.put("position", position, (_model, { chart }) => {
      chart.legend.position = checkEnum(position, ChartLegendPosition, "Legend position");
    });
  }
}

/** Chart.format.font (ChartFont, ExcelApi 1.1): only the size, the chart's default text size. */
export class ChartFontFake extends ChartPartFake {
  protected readonly kind = "chart.format.font";
  protected readonly scalarProperties = ["size"];

  readProperty(_model: WorkbookModel, { chart }: ChartTarget): unknown {
    return chart.fontSize;
  }
  get size(): number {
    return this.get("size");
  }
  set size(size: number) {
    this.put("size", size, (_model, { chart }) => {
      if (typeof size !== "number" || !(size >= 1 && size <= 409))
        throw invalidArgument(`Font size ${String(size)} is outside 1..409.`);
      chart.fontSize = size;
    });
  }
}

/** Chart.format (ChartAreaFormat): only its font. */
export class ChartAreaFormatFake {
  readonly font: ChartFontFake;
  constructor(context: FakeRequestContext, opPath: string, ref: ChartRef) {
    this.font = new ChartFontFake(context, `${opPath}.font`, ref);
  }
}

export class ChartFake extends ChartPartFake {
  protected readonly kind = "chart";
  protected readonly scalarProperties = CHART_PROPERTIES;
  readonly title: ChartTitleFake;
  readonly legend: ChartLegendFake;
  readonly series: ChartSeriesCollectionFake;
  readonly format: ChartAreaFormatFake;

  constructor(context: FakeRequestContext, opPath: string, ref: ChartRef, nullable = false) {
    super(context, opPath, ref, nullable);
    this.format = new ChartAreaFormatFake(context, `${opPath}.format`, ref);
    this.title = new ChartTitleFake(context, `${opPath}.title`, ref);
    this.legend = new ChartLegendFake(context, `${opPath}.legend`, ref);
    this.series = new ChartSeriesCollectionFake(context, `${opPath}.series`, ref);
  }

  protected override children(): Record<string, ClientObjectFake<ChartTarget>> {
    return { title: this.title, legend: this.legend };
  }

  readProperty(_model: WorkbookModel, { chart }: ChartTarget, name: string): unknown {
    return name === "chartType" ? chart.type : chart[name as "id" | "name"];
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.put("name", name, (_model, { chart }) => {
      if (typeof name !== "string" || name === "")
        throw invalidArgument("A chart name must be non-empty text.");
      chart.name = name;
    });
  }
  get chartType(): string {
    return this.get("chartType");
  }
  set chartType(type: string) {
    this.put("chartType", type, (_model, { chart }) => {
      chart.type = checkEnum(type, ChartType, "Chart type");
    });
  }

  /** Cells (Range or address on the chart's sheet) the chart covers, top-left to bottom-right. */
  setPosition(startCell: RangeFake | string, endCell?: RangeFake | string): void {
    this.queue("setPosition", [startCell, endCell], (model, { sheet, chart }) => {
      const at = (place: RangeFake | string) => {
        if (place instanceof RangeFake) {
          const target = place.find(model);
          if (!target || target.sheet !== sheet)
            throw invalidArgument("setPosition cells must be on the chart's sheet.");
          return formatRect(target.rect);
        }
        const parsed = parseAddress(place);
        if (parsed.sheet !== undefined && parsed.sheet !== sheet.name) {
          throw invalidArgument("setPosition cells must be on the chart's sheet.");
        }
        return formatRect(parsed.rect);
      };
      chart.from = at(startCell);
      chart.to = endCell === undefined ? null : at(endCell);
    });
  }

  delete(): void {
    this.queue("delete", [], (_model, { sheet, chart }) => {
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

interface SeriesTarget {
  readonly chart: ChartData;
  readonly series: SeriesData;
}

export class ChartSeriesCollectionFake extends CollectionFake<SeriesData, ChartSeriesFake> {
  protected readonly kind = "chart.series";
  protected readonly itemProperties = ["name"];

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly chart: ChartRef
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): SeriesData[] | null {
    return this.chart.lookup(model)?.chart.series ?? null;
  }

  protected itemProxy(series: SeriesData, index: number): ChartSeriesFake {
    return new ChartSeriesFake(
      this.context,
      `${this.opPath}.getItemAt(${index})`,
      this.chart,
      () => series
    );
  }

  /** Office.js: a new series shows nothing until its values are set. */
  add(name?: string, index?: number): ChartSeriesFake {
    let added: SeriesData | undefined;
    this.queue("add", [name, index], (model) => {
      added = addSeries(this.chart.lookup(model)!.chart, name, index);
    });
    return new ChartSeriesFake(
      this.context,
      `${this.opPath}.add(${quote(name)})`,
      this.chart,
      () => added
    );
  }

  getItemAt(index: number): ChartSeriesFake {
    return new ChartSeriesFake(
      this.context,
      `${this.opPath}.getItemAt(${index})`,
      this.chart,
      (chart) => seriesAt(chart, index)
    );
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("getCount", [], (_model, series) => {
      const count = series.length;
      return () => result.settle(count);
    });
    return result;
  }
}

export class ChartSeriesFake extends ClientObjectFake<SeriesTarget> {
  protected readonly kind = "chart.series";
  protected readonly scalarProperties = ["name", "chartType"];
  private bound: SeriesData | undefined;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly chart: ChartRef,
    private readonly locate: (chart: ChartData) => SeriesData | undefined
  ) {
    super(context, opPath);
  }

  /** Bound to the series object once found; gone if the series or chart was deleted. */
  protected lookup(model: WorkbookModel): SeriesTarget | null {
    const target = this.chart.lookup(model);
    if (!target) return null;
    this.bound ??= this.locate(target.chart);
    return this.bound && target.chart.series.includes(this.bound)
      ? { chart: target.chart, series: this.bound }
      : null;
  }

  readProperty(_model: WorkbookModel, { chart, series }: SeriesTarget, name: string): unknown {
    return name === "chartType" ? (series.type ?? chart.type) : series.name;
  }

  /** A series of its own type (Line over ColumnClustered): a combo chart. */
  get chartType(): string {
    return this.get("chartType");
  }
  set chartType(type: string) {
    this.put("chartType", type, (_model, { series }) => {
      series.type = checkEnum(type, ChartType, "Chart type");
    });
  }

  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.put("name", name, (_model, { series }) => {
      if (typeof name !== "string") throw invalidArgument("A series name must be text.");
      series.name = name;
    });
  }

  setValues(sourceData: RangeFake): void {
    this.queue("setValues", [sourceData], (model, { series }) => {
      series.values = sourceOf(model, sourceData, "setValues sourceData").address;
    });
  }

  setXAxisValues(sourceData: RangeFake): void {
    this.queue("setXAxisValues", [sourceData], (model, { series }) => {
      series.xValues = sourceOf(model, sourceData, "setXAxisValues sourceData").address;
    });
  }

  delete(): void {
    this.queue("delete", [], (_model, { chart, series }) => {
      chart.series.splice(chart.series.indexOf(series), 1);
    });
  }
}
