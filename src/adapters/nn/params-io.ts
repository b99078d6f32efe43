// Moving pytrees of jax-js arrays to and from named host tensors ("params.layers.0.wqkv"), for
// checkpoints and for the Lab's parameter views.
import { numpy as np } from "@jax-js/jax";
import { CheckpointError, type HostTensor } from "./checkpoint";

type Node = np.Array | Node[] | { [key: string]: Node };

function walk(node: Node, path: string, visit: (name: string, leaf: np.Array) => void): void {
  if (node instanceof np.Array) visit(path, node);
  else if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${path}.${i}`, visit));
  else for (const key of Object.keys(node)) walk(node[key] as Node, `${path}.${key}`, visit);
}

/** Host copies of every leaf under `prefix`; the tree is not consumed. */
export async function treeToHost(tree: object, prefix: string): Promise<Record<string, HostTensor>> {
  const leaves: [string, np.Array][] = [];
  walk(tree as Node, prefix, (name, leaf) => leaves.push([name, leaf]));
  const out: Record<string, HostTensor> = {};
  for (const [name, leaf] of leaves) {
    const data = await leaf.ref.data();
    out[name] = { shape: leaf.shape.slice(), data: Float32Array.from(data as ArrayLike<number>) };
  }
  return out;
}

/**
 * A tree shaped like `template` whose leaves come from tensors[prefix + path]; the template is
 * consumed. Throws CheckpointError when a tensor is missing or has another shape.
 */
export function treeFromHost<T extends object>(template: T, tensors: Readonly<Record<string, HostTensor>>, prefix: string): T {
  const build = (node: Node, path: string): Node => {
    if (node instanceof np.Array) {
      const t = tensors[path];
      if (!t) throw new CheckpointError("bad-tensor", `tensor ${path} is missing.`);
      if (t.shape.length !== node.shape.length || t.shape.some((s, i) => s !== node.shape[i])) {
        throw new CheckpointError("bad-tensor", `tensor ${path} has shape [${t.shape.join(", ")}]; the model needs [${node.shape.join(", ")}].`);
      }
      node.dispose();
      return np.array(t.data).reshape(t.shape);
    }
    if (Array.isArray(node)) return node.map((child, i) => build(child, `${path}.${i}`));
    const out: { [key: string]: Node } = {};
    for (const key of Object.keys(node)) out[key] = build(node[key] as Node, `${path}.${key}`);
    return out;
  };
  return build(template as unknown as Node, prefix) as unknown as T;
}
