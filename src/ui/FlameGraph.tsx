import type { CallTreeNode } from '../runs/buildCallTree.ts';

const ROW = 18;
const WIDTH = 1000; // viewBox units; the SVG scales to the panel's width

interface Box {
  node: CallTreeNode;
  x: number;
  width: number;
  depth: number;
}

/** Lays the tree out as an icicle: the program on top, callees below, widths by time. */
export function layoutIcicle(root: CallTreeNode, minWidth = 1): Box[] {
  const boxes: Box[] = [];
  const total = root.valueMs || 1;
  const walk = (node: CallTreeNode, x: number, depth: number): void => {
    const width = (node.valueMs / total) * WIDTH;
    if (width < minWidth) return;
    boxes.push({ node, x, width, depth });
    let cx = x;
    for (const child of node.children) {
      walk(child, cx, depth + 1);
      cx += (child.valueMs / total) * WIDTH;
    }
  };
  walk(root, 0, 0);
  return boxes;
}

function colour(node: CallTreeNode, own: boolean): string {
  if (!node.key) return '#30363d';
  if (node.file === '~') return '#4b5d7a'; // built-ins
  let h = 0;
  for (const c of node.name) h = (h * 31 + c.charCodeAt(0)) % 40;
  return own ? `hsl(${20 + h}, 75%, 48%)` : `hsl(${200 + h}, 25%, 42%)`;
}

/**
 * The profile's call tree as an icicle chart (a flame graph drawn top-down). Functions of
 * `isOwnFile` files are warm-coloured and clicking them calls `onPick` (jump to the line).
 */
export function FlameGraph(props: {
  tree: CallTreeNode;
  isOwnFile: (file: string) => boolean;
  onPick: (file: string, line: number) => void;
}) {
  const boxes = layoutIcicle(props.tree);
  const depth = boxes.reduce((d, b) => Math.max(d, b.depth), 0) + 1;
  const total = props.tree.valueMs || 1;
  return (
    <div className="flame" data-testid="flame">
      <svg
        viewBox={`0 0 ${WIDTH} ${depth * ROW}`}
        preserveAspectRatio="none"
        style={{ height: depth * ROW }}
        role="img"
        aria-label="Call tree: wider boxes took longer"
      >
        {boxes.map((b) => {
          const own = props.isOwnFile(b.node.file);
          const label = `${b.node.name} — ${b.node.valueMs.toFixed(1)} ms (${((b.node.valueMs / total) * 100).toFixed(1)} %)${b.node.file && b.node.file !== '~' ? `, ${b.node.file}:${b.node.line}` : ''}`;
          return (
            <g
              key={`${b.depth}-${b.x}-${b.node.key}`}
              className={own ? 'flame-box flame-own' : 'flame-box'}
              data-testid="flame-box"
              data-name={b.node.name}
              onClick={own ? () => props.onPick(b.node.file, b.node.line) : undefined}
            >
              <title>{own ? `${label} — click to go to the line` : label}</title>
              <rect x={b.x} y={b.depth * ROW} width={Math.max(0, b.width - 0.5)} height={ROW - 1} fill={colour(b.node, own)} />
            </g>
          );
        })}
      </svg>
      {/* Labels as HTML over the SVG: text in a stretched viewBox would be distorted. */}
      <div className="flame-labels" style={{ height: depth * ROW }}>
        {boxes
          .filter((b) => b.width > 40)
          .map((b) => (
            <span
              key={`${b.depth}-${b.x}-${b.node.key}`}
              style={{ left: `${(b.x / WIDTH) * 100}%`, width: `${(b.width / WIDTH) * 100}%`, top: b.depth * ROW }}
            >
              {b.node.name}
            </span>
          ))}
      </div>
    </div>
  );
}
