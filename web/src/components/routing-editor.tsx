import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { ConfigError } from '../api/routing';

/** What the page may do with the editor it holds. */
export interface RoutingEditorHandle {
  /** Puts the cursor at a 1-based line (and column), scrolls to it and focuses the editor. */
  goTo(line: number, column?: number): void;
  /** Replaces the whole text (an undoable change, reported through `onChange`). */
  setText(text: string): void;
  focus(): void;
}

interface Props {
  /** The text the editor opens with; later changes come from typing or `setText`. */
  initialText: string;
  onChange(text: string): void;
  /** Shown inline as lint diagnostics, at their line and column. */
  problems: readonly ConfigError[];
  /** The editor's accessible name. */
  label: string;
  /** The id of an element describing the editor (its problems). */
  describedBy?: string;
  ref?: Ref<RoutingEditorHandle>;
}

/** Where a problem sits in the text: from its line and column to the end of the token there; the first line when it names none. */
export function problemRange(doc: Text, problem: ConfigError): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(problem.line ?? 1, 1), doc.lines));
  const from = line.from + Math.min(Math.max((problem.column ?? 1) - 1, 0), line.length);
  const token = /^[^\s,{}[\]:]+/.exec(doc.sliceString(from, line.to));
  const to = problem.line === undefined ? line.to : token ? from + token[0].length : line.to;
  return { from, to: Math.max(from, to) };
}

function diagnosticsOf(doc: Text, problems: readonly ConfigError[]): Diagnostic[] {
  return problems.map((problem) => ({
    ...problemRange(doc, problem),
    severity: 'error',
    source: problem.path || undefined,
    message: problem.message,
  }));
}

/**
 * The routing configuration as YAML in a CodeMirror 6 editor: highlighting, a lint gutter and the
 * problems the page passes in shown inline. The editor is created once per mount; what changes
 * afterwards (problems, the text the page sets) is dispatched into it, so typing never loses the
 * cursor, the selection or the undo history.
 */
export function RoutingEditor({ initialText, onChange, problems, label, describedBy, ref }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const opening = useRef({ initialText, label, describedBy });

  useEffect(() => {
    const { initialText: doc, label: name, describedBy: described } = opening.current;
    const editor = new EditorView({
      parent: parent.current!,
      doc,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': name, ...(described && { 'aria-describedby': described }) }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      view.current = null;
      editor.destroy();
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor.state.doc, problems)));
  }, [problems]);

  useImperativeHandle(
    ref,
    () => ({
      goTo(line, column) {
        const editor = view.current;
        if (!editor) return;
        const { from } = problemRange(editor.state.doc, { path: '', message: '', line, ...(column !== undefined && { column }) });
        editor.dispatch({ selection: { anchor: from }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
        editor.focus();
      },
      setText(text) {
        const editor = view.current;
        if (!editor || editor.state.doc.toString() === text) return;
        editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, selection: { anchor: 0 } });
      },
      focus() {
        view.current?.focus();
      },
    }),
    [],
  );

  return <div className="routing-editor" ref={parent} />;
}
