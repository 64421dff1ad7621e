import { yaml } from '@codemirror/lang-yaml';
import { getChunks, unifiedMergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, useState } from 'react';

interface Props {
  /** The live version's text. */
  original: string;
  /** The draft in the editor. */
  changed: string;
  label: string;
}

/** Lines `a`–`b` of the draft, in words. */
function lines(from: number, to: number): string {
  return from >= to ? `line ${from}` : `lines ${from}–${to}`;
}

/**
 * The draft against the live version, as one read-only editor with the live text of each changed
 * section shown (struck through) above the draft's (@codemirror/merge, unified). Unchanged
 * stretches are folded away. A sentence lists the changed sections for those who do not see the
 * colours.
 */
export function RoutingDiff({ original, changed, label }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState('');

  useEffect(() => {
    const view = new EditorView({
      parent: parent.current!,
      doc: changed,
      extensions: [
        basicSetup,
        yaml(),
        EditorState.readOnly.of(true),
        EditorView.lineWrapping,
        unifiedMergeView({ original, mergeControls: false, gutter: true, collapseUnchanged: { margin: 3, minSize: 6 } }),
        EditorView.contentAttributes.of({ 'aria-label': label }),
      ],
    });
    const chunks = getChunks(view.state)?.chunks ?? [];
    const doc = view.state.doc;
    const origin = EditorState.create({ doc: original }).doc;
    setSummary(
      chunks
        .map((chunk) => {
          const added = chunk.toB > chunk.fromB;
          const removed = chunk.toA > chunk.fromA;
          const draftLines = added ? lines(doc.lineAt(chunk.fromB).number, doc.lineAt(chunk.endB).number) : '';
          const liveLines = removed ? lines(origin.lineAt(chunk.fromA).number, origin.lineAt(chunk.endA).number) : '';
          if (added && removed) return `${liveLines} of the live version changed (now ${draftLines})`;
          if (added) return `${draftLines} added`;
          return `${liveLines} of the live version removed`;
        })
        .join('; '),
    );
    return () => view.destroy();
  }, [original, changed, label]);

  return (
    <>
      <p className="hint">{summary ? `Changed: ${summary}.` : 'The draft is the same as the live version.'}</p>
      <div className="routing-editor routing-diff" ref={parent} />
    </>
  );
}
