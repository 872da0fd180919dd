import type { NodeType } from '../../../api/types';
import { AdLayoutBody } from './AdLayoutBody';
import type { Body } from './body';
import { GenericBody } from './GenericBody';
import { ImageInputBody } from './ImageInputBody';
import { ImageModelBody } from './ImageModelBody';
import { OutputBody } from './OutputBody';
import { PromptBody } from './PromptBody';
import { SocialMediaBody } from './SocialMediaBody';
import { TextInputBody } from './TextInputBody';

/** bodies are the node types with a custom canvas body; every other type gets GenericBody. */
const bodies: { [T in NodeType]?: Body<T> } = {
  TEXT_INPUT: TextInputBody,
  IMAGE_INPUT: ImageInputBody,
  SOCIAL_MEDIA: SocialMediaBody,
  PROMPT: PromptBody,
  IMAGE_MODEL: ImageModelBody,
  OUTPUT: OutputBody,
  AD_LAYOUT: AdLayoutBody,
};

/** bodyFor returns a node type's canvas body: its custom one, or the generic one. */
export function bodyFor(type: NodeType): Body<NodeType> {
  // The map pairs each type with its own body, so the body fits the data of that type.
  return (bodies[type] ?? GenericBody) as Body<NodeType>;
}
