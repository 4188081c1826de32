import Markdown, { type Components } from 'react-markdown';
import { CodeBlock } from './CodeBlock.tsx';

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

const components: Components = {
  // Fenced code: a block with Insert/Run instead of a bare <pre>.
  pre({ node }) {
    const code = (node as HastNode | undefined)?.children?.find((c) => c.tagName === 'code');
    const classes = code?.properties?.className;
    const language =
      (Array.isArray(classes) ? classes : [])
        .map(String)
        .find((c) => c.startsWith('language-'))
        ?.slice(9) ?? '';
    return <CodeBlock code={textOf(code)} language={language} />;
  },
  // Links open outside the app, never replacing it.
  a({ href, children }) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  },
};

/** The assistant's Markdown. react-markdown renders no raw HTML (kept that way: no rehype-raw) and drops unsafe URLs. */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="chat-markdown">
      <Markdown components={components}>{text}</Markdown>
    </div>
  );
}
