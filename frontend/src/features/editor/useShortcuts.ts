import { useEffect } from 'react';
import { useGraph } from '../../stores/graph';

/** useShortcuts binds the editor's keys: save, undo/redo, run, step, resume. */
export function useShortcuts(a: { save: () => void; run: () => void; step: () => void; resume: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const typing = e.target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName);
      if (mod && e.key.toLowerCase() === 's') {
        e.preventDefault();
        a.save();
      } else if (mod && e.key === 'Enter') a.run();
      else if (e.key === 'F10') {
        e.preventDefault();
        a.step();
      } else if (e.key === 'F8') a.resume();
      else if (!typing && mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) useGraph.getState().redo();
        else useGraph.getState().undo();
      } else if (!typing && mod && e.key.toLowerCase() === 'y') useGraph.getState().redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [a]);
}
