import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useGraph } from '../../stores/graph';
import { useProblems } from '../../stores/problems';
import { useRun } from '../../stores/run';
import { runFailure } from '../run/runFailure';
import { Notice } from './Notice';
import type { NoticeAction } from './runRefusal';

/**
 * EditorNotice is the editor's notice banner. It says, first to last: the
 * message of a failed action (with its link, such as to the budget), the summary of a refused save's or run's
 * errors (gone with the last of them), or the shown run's failure (gone
 * with its failed node, or once dismissed). It lives apart from the editor
 * so run events re-render only it.
 */
export function EditorNotice({ message, action, onClear }: { message: string; action?: NoticeAction; onClear: () => void }) {
  const [dismissedRun, setDismissedRun] = useState<string | null>(null);
  const summary = useProblems((s) => s.summary);
  const execution = useRun((s) => s.execution);
  const nodes = useRun((s) => s.nodes);
  const ids = useGraph(useShallow((s) => s.nodes.map((n) => n.id)));
  const failure = useMemo(() => runFailure(execution, nodes, new Set(ids)), [execution, nodes, ids]);
  const text = message || summary || (execution && execution.id !== dismissedRun ? failure : '');
  /** dismiss hides what shows now. */
  const dismiss = () => {
    if (message) onClear();
    else if (summary) useProblems.setState({ summary: '' });
    else if (execution) setDismissedRun(execution.id);
  };
  return <Notice key={text} text={text} action={message ? action : undefined} onDismiss={dismiss} />;
}
