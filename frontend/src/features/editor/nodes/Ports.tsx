import { Handle, Position } from '@xyflow/react';
import type { InputPort, NodeSpec } from '../../../api/types';
import { accepts, kindName } from '../connection';
import './ports.css';

/** inputTitle says what an input takes, for its hover tip: "Prompt: takes text or data (required)"; a node with open inputs takes any output. */
function inputTitle(p: InputPort, open: boolean): string {
  return `${p.label}: takes ${open ? 'any output' : accepts(p)}${p.required ? ' (required)' : ''}`;
}

/**
 * Ports draws a node's inputs down its left edge and its outputs down its
 * right edge, one row each, labelled from the catalog (required inputs
 * marked), with handles large enough to grab and coloured by what flows.
 */
export function Ports({ spec }: { spec: NodeSpec | undefined }) {
  const inputs = spec?.inputs ?? [];
  const outputs = spec?.outputs ?? [];
  const rows = Math.max(inputs.length, outputs.length);
  if (rows === 0) return null;
  return (
    <div className="py-1" data-testid="ports">
      {Array.from({ length: rows }, (_, i) => {
        const input = inputs[i];
        const output = outputs[i];
        return (
          <div key={i} className="relative flex h-6 items-center justify-between gap-2 text-[12px] text-slate-700">
            {input ? (
              <>
                <Handle id={input.name} type="target" position={Position.Left} className={`port port-${input.kind}`} title={inputTitle(input, spec?.open_inputs ?? false)} />
                <span className="truncate pl-3">
                  {input.label}
                  {input.required && <span className="text-red-600" aria-label="required" title="required"> *</span>}
                </span>
              </>
            ) : <span />}
            {output && (
              <>
                <span className="truncate pr-3 text-right">{output.label}</span>
                <Handle id={output.name} type="source" position={Position.Right} className={`port port-${output.kind}`} title={`${output.label}: ${kindName(output.kind)}`} />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
