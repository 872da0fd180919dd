import { Handle, Position } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import type { InputPort, NodeSpec, Port } from '../../../api/types';
import { accepts, kindName } from '../connection';
import { askToConnect } from '../connectFrom';
import './ports.css';

/** inputTitle says what an input takes, for its hover tip: "Prompt: takes text or data (required)"; a node with open inputs takes any output. */
function inputTitle(p: InputPort, open: boolean): string {
  return `${p.label}: takes ${open ? 'any output' : accepts(p)}${p.required ? ' (required)' : ''}`;
}

/** OutputHandle is an output's port: dragged from to connect, or focused (Tab) with Enter to pick an input from the settings panel's list. */
function OutputHandle({ output, nodeId, nodeName }: { output: Port; nodeId: string; nodeName: string }) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    askToConnect(nodeId, output.name);
  };
  return (
    <Handle id={output.name} type="source" position={Position.Right} className={`port port-${output.kind}`} title={`${output.label}: ${kindName(output.kind)}`}
      tabIndex={0} role="button" aria-label={`Connect ${nodeName}'s ${output.label} output (${kindName(output.kind)}) to an input`} onKeyDown={onKeyDown}
      data-testid="output-port" />
  );
}

/**
 * Ports draws a node's inputs down its left edge and its outputs down its
 * right edge, one row each, labelled from the catalog (required inputs
 * marked), with handles large enough to grab and coloured by what flows.
 * An output's port is a keyboard stop: Enter lists the inputs it may feed.
 */
export function Ports({ spec, nodeId, nodeName }: { spec: NodeSpec | undefined; nodeId: string; nodeName: string }) {
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
                <OutputHandle output={output} nodeId={nodeId} nodeName={nodeName} />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
