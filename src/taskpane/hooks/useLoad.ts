import { useEffect, useState } from "react";
import { messageOf } from "../model/messageOf";

export type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "done"; readonly value: T }
  | { readonly state: "failed"; readonly message: string };

/** Runs `load` when `key` changes and follows its promise; a stale answer is ignored. */
export function useLoad<T>(load: () => Promise<T>, key: unknown): Loaded<T> {
  const [loaded, setLoaded] = useState<{ key: unknown; result: Loaded<T> }>({
    key,
    result: { state: "loading" },
  });
  useEffect(() => {
    let current = true;
    setLoaded({ key, result: { state: "loading" } });
    load().then(
      (value) => current && setLoaded({ key, result: { state: "done", value } }),
      (error: unknown) =>
        current &&
        setLoaded({
          key,
          result: {
            state: "failed",
            message: messageOf(error),
          },
        })
    );
    return () => {
      current = false;
    };
    // `key` stands for everything `load` depends on.
  }, [key]);
  return loaded.key === key ? loaded.result : { state: "loading" };
}
