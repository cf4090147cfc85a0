/**
 * The proxy-object machinery Office.js add-ins rely on: setters and methods queue operations,
 * load() queues a read, and a property can be read only once a sync has delivered it.
 */
import { invalidArgument, itemNotFound, propertyNotLoaded } from "../errors";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";

export type LoadOption = string | string[] | { select?: string; expand?: string } | undefined;

export function loadPaths(option: LoadOption): string[] {
  if (option === undefined || option === null) return [];
  if (Array.isArray(option)) return option.flatMap((item) => loadPaths(item));
  if (typeof option === "object") return [...loadPaths(option.select), ...loadPaths(option.expand)];
  return option
    .split(",")
    .map((path) => path.trim())
    .filter((path) => path !== "");
}

const copy = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

/** A proxy argument travels in a request as its path. */
function describe(arg: unknown): unknown {
  return arg instanceof ClientObjectFake ? { path: arg.opPath } : arg;
}

export abstract class ClientObjectFake<T> {
  /** Prefix of this object's operation kinds, e.g. "range" in "range.values". */
  protected abstract readonly kind: string;
  /** The scalar properties load() can read. */
  protected abstract readonly scalarProperties: readonly string[];
  private readonly loaded = new Map<string, unknown>();
  private nullState: "notNullable" | "unknown" | "null" | "exists";

  constructor(
    readonly context: FakeRequestContext,
    /** How the object was reached, for payloads and error messages. */
    readonly opPath: string,
    nullable = false
  ) {
    this.nullState = nullable ? "unknown" : "notNullable";
    if (nullable) {
      // Office.js resolves *OrNullObject objects at the next sync, so isNullObject can be read.
      context.enqueue({ kind: "instantiate", path: opPath, args: [] }, (model) => {
        const exists = this.lookup(model) !== null;
        return () => {
          this.nullState = exists ? "exists" : "null";
        };
      });
    }
  }

  /** The model object, or null when it does not exist (deleted, never created, wrong name). */
  protected abstract lookup(model: WorkbookModel): T | null;

  /** @internal Reads one scalar property of the model object for load(). */
  abstract readProperty(model: WorkbookModel, target: T, name: string): unknown;

  /** Child objects that load paths and set() can go through ("format/font/bold"). */
  protected children(): Record<string, ClientObjectFake<unknown>> {
    return {};
  }

  private navigation(name: string): ClientObjectFake<unknown> | undefined {
    return Object.prototype.hasOwnProperty.call(this.children(), name)
      ? this.children()[name]
      : undefined;
  }

  /** @internal */
  resolve(model: WorkbookModel): T {
    const target = this.lookup(model);
    if (target === null) throw this.missing();
    return target;
  }

  protected missing(): Error {
    return itemNotFound(`${this.opPath} doesn't exist.`);
  }

  get isNullObject(): boolean {
    if (this.nullState === "notNullable") return false;
    if (this.nullState === "unknown") throw propertyNotLoaded("isNullObject");
    return this.nullState === "null";
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    const own: string[] = [];
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      const child = this.navigation(head);
      if (child) child.load(rest.length > 0 ? rest.join("/") : undefined);
      else if (!own.includes(head)) own.push(head);
    }
    if (paths.length === 0) own.push(...this.scalarProperties);
    if (own.length > 0) this.queueLoad(own);
    return this;
  }

  private queueLoad(names: string[]): void {
    this.context.enqueue({ kind: "load", path: this.opPath, args: names }, (model) => {
      const unknown = names.filter((name) => !this.scalarProperties.includes(name));
      if (unknown.length > 0) {
        throw invalidArgument(
          `${this.opPath} has no loadable property ${unknown.join(", ")} in the fake.`
        );
      }
      const target = this.lookup(model);
      if (target === null) {
        if (this.nullState === "notNullable") throw this.missing();
        return () => {
          this.nullState = "null";
        };
      }
      // Read now, in queue order, so the values reflect the writes queued before the load.
      const values = names.map(
        (name) => [name, copy(this.readProperty(model, target, name))] as const
      );
      return () => this.accept(values);
    });
  }

  /** @internal Delivers loaded values (from this object's load or its collection's). */
  accept(values: readonly (readonly [string, unknown])[]): void {
    if (this.nullState === "unknown") this.nullState = "exists";
    for (const [name, value] of values) this.loaded.set(name, value);
  }

  /** A loaded (or locally set) property; a null object's properties read as undefined. */
  protected get<V>(name: string): V {
    if (this.nullState === "null") return undefined as V;
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Queues a method call on this object. */
  protected queue(
    method: string,
    args: readonly unknown[],
    apply: (model: WorkbookModel, target: T) => void | (() => void)
  ): void {
    this.context.enqueue(
      { kind: `${this.kind}.${method}`, path: this.opPath, args: args.map(describe) },
      (model) => apply(model, this.resolve(model))
    );
  }

  /** Queues a property write; Office.js also keeps the value on the proxy, readable at once. */
  protected put(
    name: string,
    value: unknown,
    apply: (model: WorkbookModel, target: T) => void
  ): void {
    this.loaded.set(name, value);
    this.queue(name, [value], apply);
  }

  /** Sets several properties at once, recursing into child objects ({ format: { font: ... } }). */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const child = this.navigation(key);
      if (child && typeof value === "object" && value !== null && !Array.isArray(value)) {
        child.set(value as Record<string, unknown>);
      } else if (key in this) {
        (this as unknown as Record<string, unknown>)[key] = value;
      } else {
        throw invalidArgument(`${this.kind} has no property "${key}" in the fake.`);
      }
    }
  }

  /** Like Office.js: the loaded properties as a plain object. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** Base for collections: load("items/name") delivers `items`, each a loaded proxy. */
export abstract class CollectionFake<
  D,
  I extends ClientObjectFake<unknown>,
> extends ClientObjectFake<D[]> {
  protected readonly scalarProperties: readonly string[] = ["count"];
  /** Scalar properties each item can load. */
  protected abstract readonly itemProperties: readonly string[];
  private loadedItems: I[] | undefined;

  /** A proxy for an existing item, bound to it by identity. */
  protected abstract itemProxy(data: D, index: number): I;

  get items(): I[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems;
  }

  get count(): number {
    return this.get("count");
  }

  readProperty(_model: WorkbookModel, target: D[], name: string): unknown {
    return name === "count" ? target.length : undefined;
  }

  override load(option?: LoadOption): this {
    const paths = loadPaths(option);
    if (paths.length === 1 && paths[0] === "count") return super.load(option);
    const names: string[] = [];
    for (const path of paths) {
      const name = path.startsWith("items/") ? path.slice(6) : path;
      if (name === "items") names.push(...this.itemProperties);
      else if (name !== "count" && !names.includes(name)) names.push(name);
    }
    if (names.length === 0) names.push(...this.itemProperties);
    this.context.enqueue({ kind: "load", path: this.opPath, args: paths }, (model) => {
      const unknown = names.filter((name) => !this.itemProperties.includes(name));
      if (unknown.length > 0) {
        throw invalidArgument(
          `Items of ${this.opPath} have no loadable property ${unknown.join(", ")} in the fake.`
        );
      }
      const list = this.resolve(model);
      const items = list.map((data, index) => {
        const item = this.itemProxy(data, index);
        const target = item.resolve(model);
        return {
          item,
          values: names.map(
            (name) => [name, copy(item.readProperty(model, target, name))] as const
          ),
        };
      });
      return () => {
        this.loadedItems = items.map(({ item, values }) => {
          item.accept(values);
          return item;
        });
        this.accept([["count", list.length]]);
      };
    });
    return this;
  }
}

/** A value a method returns, readable after the next sync (Office.js ClientResult). */
export class ClientResultFake<V> {
  private settled = false;
  private result: V | undefined;

  get value(): V {
    if (!this.settled) throw propertyNotLoaded("value");
    return this.result as V;
  }

  /** @internal */
  settle(value: V): void {
    this.settled = true;
    this.result = value;
  }
}
