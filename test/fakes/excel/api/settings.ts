/** workbook.settings (ExcelApi 1.4): key-value pairs saved with the workbook, values as JSON. */
import { invalidArgument } from "../errors";
import { SettingData } from "../model/types";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake, CollectionFake } from "./proxy";

const quote = (value: unknown) => JSON.stringify(value ?? null);
const SETTING_PROPERTIES = ["key", "value"];

/** Settings travel as JSON: what cannot be serialised is refused, and a stored value is a copy. */
function storable(key: unknown, value: unknown): unknown {
  if (typeof key !== "string" || key === "" || key.length > 255)
    throw invalidArgument("A setting's key must be text of 1 to 255 characters.");
  const json = value === undefined ? undefined : JSON.stringify(value);
  if (json === undefined) throw invalidArgument(`The value of setting "${key}" is not JSON.`);
  return JSON.parse(json);
}

export class SettingCollectionFake extends CollectionFake<SettingData, SettingFake> {
  protected readonly kind = "settings";
  protected readonly itemProperties = SETTING_PROPERTIES;

  constructor(context: FakeRequestContext) {
    super(context, "settings");
  }

  protected lookup(model: WorkbookModel): SettingData[] {
    return model.settings;
  }

  protected itemProxy(setting: SettingData): SettingFake {
    return new SettingFake(this.context, `settings.getItem(${quote(setting.key)})`, setting.key);
  }

  /** Sets the setting, replacing any value the key had. */
  add(key: string, value: unknown): SettingFake {
    this.queue("add", [key, value], (model) => {
      const stored = storable(key, value);
      const existing = model.settings.find((s) => s.key === key);
      if (existing) existing.value = stored;
      else model.settings.push({ key, value: stored });
    });
    return new SettingFake(this.context, `settings.add(${quote(key)})`, key);
  }

  getItem(key: string): SettingFake {
    return new SettingFake(this.context, `settings.getItem(${quote(key)})`, key);
  }

  getItemOrNullObject(key: string): SettingFake {
    return new SettingFake(this.context, `settings.getItemOrNullObject(${quote(key)})`, key, true);
  }
}

export class SettingFake extends ClientObjectFake<SettingData> {
  protected readonly kind = "setting";
  protected readonly scalarProperties = SETTING_PROPERTIES;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly settingKey: string,
    nullable = false
  ) {
    super(context, opPath, nullable);
  }

  protected lookup(model: WorkbookModel): SettingData | null {
    return model.settings.find((s) => s.key === this.settingKey) ?? null;
  }

  readProperty(_model: WorkbookModel, setting: SettingData, property: string): unknown {
    return property === "key" ? setting.key : setting.value;
  }

  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(value: unknown) {
    this.put("value", value, (_model, setting) => {
      setting.value = storable(setting.key, value);
    });
  }

  delete(): void {
    this.queue("delete", [], (model, setting) => {
      model.settings.splice(model.settings.indexOf(setting), 1);
    });
  }
}
