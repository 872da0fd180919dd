import type { BodyProps } from './body';

/** ImageInputBody shows a thumbnail of its photo. */
export function ImageInputBody({ config }: BodyProps<'IMAGE_INPUT'>) {
  return config.image_url ? <img src={config.image_url} alt="" className="h-12 rounded object-cover" /> : <i className="text-slate-400">no image yet</i>;
}
