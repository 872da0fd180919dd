import type { BodyProps } from './body';

/** TextInputBody shows the start of its text. */
export function TextInputBody({ config }: BodyProps<'TEXT_INPUT'>) {
  return config.value ? <span className="line-clamp-2">“{config.value}”</span> : <i className="text-slate-400">no text yet</i>;
}
