import { useMediaQuery } from '../useMediaQuery.ts';
import { CompactLayout } from './CompactLayout.tsx';
import { WideLayout } from './WideLayout.tsx';

/** Below this width the page is one column with a tab bar. */
export const COMPACT_QUERY = '(max-width: 899px)';

/** The area under the top bar: three resizable columns, or one column on a narrow screen. */
export function Workbench() {
  const compact = useMediaQuery(COMPACT_QUERY);
  return <main className="workbench">{compact ? <CompactLayout /> : <WideLayout />}</main>;
}
