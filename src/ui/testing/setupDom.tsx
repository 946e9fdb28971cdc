/// <reference types="jest" />
/**
 * What jsdom needs for Fluent UI in tests: a ResizeObserver (MessageBar measures itself), silence
 * for React 18's warning about the boolean `inert` Fluent's motion components pass, generous
 * timeouts, and a Griffel renderer that keeps its thousands of atomic CSS rules out of the test
 * document (jsdom's getComputedStyle walks every rule, which makes role queries crawl).
 */
import * as React from "react";
import { RendererProvider, createDOMRenderer } from "@fluentui/react-components";
import { configure } from "@testing-library/react";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** Install the jsdom stand-ins; call once at the top of a `.test.tsx`. */
export function setupDom(): void {
  // Other work may share the machine: give async queries and tests room rather than flake.
  configure({ asyncUtilTimeout: 4000 });
  jest.setTimeout(30_000);
  const g = globalThis as { ResizeObserver?: unknown };
  g.ResizeObserver ??= NoopResizeObserver;
  const original = console.error.bind(console);
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const first = typeof args[0] === "string" ? args[0] : "";
    // React 18 does not know the `inert` attribute yet; Fluent passes it as a boolean (fine in browsers).
    if (first.includes("non-boolean attribute") && args.includes("inert")) return;
    original(...args, `[in test: ${expect.getState().currentTestName ?? "?"}]`);
  });
}

/** A render wrapper whose styles go to a detached document instead of the one under test. */
export function FastStyles({ children }: { readonly children?: React.ReactNode }): React.JSX.Element {
  const [renderer] = React.useState(() =>
    createDOMRenderer(document.implementation.createHTMLDocument("styles")),
  );
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      {children}
    </RendererProvider>
  );
}
