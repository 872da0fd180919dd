import { Link2 } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../../stores/catalog';
import { useGraph } from '../../stores/graph';
import { kindName, targetsFor, type Target } from './connection';
import { useConnectFrom } from './connectFrom';

/** focusAt moves the focus to an output's first option in the list, or to the list's title when it has none. */
function focusAt(root: HTMLElement, handle: string) {
  const option = root.querySelector<HTMLElement>(`[data-output="${handle}"] button`) ?? root.querySelector<HTMLElement>('button');
  (option ?? root.querySelector<HTMLElement>('h3'))?.focus();
}

/**
 * ConnectTo is the keyboard's way to connect: for each output of the
 * selected node, a button per input on the canvas that may take it (the
 * catalog's rule, as connection.ts reads it); Enter connects, replacing
 * what an input that takes one value had. Enter on an output's port moves
 * the focus here, at that output; after a connection the focus stays in
 * the list and a status line says what was connected.
 */
export function ConnectTo({ id, name }: { id: string; name: string }) {
  const { byType } = useCatalog();
  // Ids, data and edges matter here; positions do not (a node's data keeps its identity while it moves).
  const ids = useGraph(useShallow((s) => s.nodes.map((n) => n.id)));
  const data = useGraph(useShallow((s) => s.nodes.map((n) => n.data)));
  const edges = useGraph((s) => s.edges);
  const outputs = targetsFor(id, { nodes: ids.map((nid, i) => ({ id: nid, data: data[i] })), edges, byType });
  const from = useConnectFrom((s) => s.from);
  const asked = useConnectFrom((s) => s.asked);
  const [done, setDone] = useState('');
  const root = useRef<HTMLElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (asked > 0 && from?.node === id && root.current) {
      root.current.scrollIntoView({ block: 'nearest' });
      focusAt(root.current, from.handle);
      useConnectFrom.setState({ from: null }); // answered: selecting this node again later leaves the focus alone
    }
  }, [asked, from, id]);

  /** connect makes the edge and keeps the focus in the list. */
  const connect = (t: Target, handle: string) => {
    useGraph.getState().connect({ source: id, sourceHandle: handle, target: t.node, targetHandle: t.input.name }, t.replaces);
    setDone(`Connected to ${t.nodeName}'s ${t.input.label} input. Save with Ctrl+S.`);
    requestAnimationFrame(() => root.current && focusAt(root.current, handle));
  };
  if (outputs.length === 0) return null;
  return (
    <section ref={root} aria-labelledby={titleId} className="space-y-1.5 border-t border-slate-100 pt-3" data-testid="connect-to">
      <h3 id={titleId} tabIndex={-1} className="flex items-center gap-1.5 text-xs font-semibold text-slate-700 focus:outline-none">
        <Link2 className="h-3.5 w-3.5" aria-hidden /> Connect to…
      </h3>
      {outputs.map(({ output, targets }) => (
        <div key={output.name} data-output={output.name}>
          {outputs.length > 1 && <p className="text-[11px] text-slate-600">From its {output.label} output ({kindName(output.kind)}):</p>}
          {targets.length === 0 ? (
            <p className="text-[11px] text-slate-600">No input on the canvas can take {name}'s {output.label.toLowerCase()} ({kindName(output.kind)}) now.</p>
          ) : (
            <ul className="space-y-1" aria-label={`Inputs ${name}'s ${output.label} output can feed`}>
              {targets.map((t) => (
                <li key={`${t.node}/${t.input.name}`}>
                  <button type="button" onClick={() => connect(t, output.name)} data-testid="connect-option"
                    className="flex w-full items-center justify-between gap-2 rounded border border-slate-200 px-2 py-1 text-left text-xs hover:border-brand hover:bg-violet-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand">
                    <span className="min-w-0 truncate"><span className="font-medium">{t.nodeName}</span> · {t.input.label}</span>
                    {t.replaces.length > 0 && <span className="shrink-0 text-[11px] text-slate-600">replaces its link</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <p role="status" className="text-[11px] text-emerald-700" data-testid="connect-done">{done}</p>
    </section>
  );
}
