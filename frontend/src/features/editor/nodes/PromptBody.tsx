import type { BodyProps } from './body';

/** PromptBody shows the start of its template. */
export function PromptBody({ config }: BodyProps<'PROMPT'>) {
  return config.template ? <span className="line-clamp-2 font-mono">{config.template}</span> : <i className="text-slate-400">no template yet</i>;
}
