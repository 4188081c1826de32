import { useMemo, useRef, useState, type DragEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { importPicked, pickedFromDrop, pickedFromInput, type PickedFile } from '../project/importFiles.ts';
import { exportProjectZip } from './exportProjectZip.ts';
import { formatBytes } from '../format/formatBytes.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { downloadFile } from './downloadFile.ts';
import { fileTreeRows, type FileTreeRow } from './fileTreeRows.ts';

async function importInto(picked: PickedFile[]): Promise<void> {
  const store = appStore.getState();
  try {
    const { files, skipped } = await importPicked(picked);
    if (files.length === 0) {
      store.setFilesError(
        skipped.length > 0 ? `Nothing was imported: ${skipped.join('; ')}.` : 'Nothing to import: choose files, a folder or a .zip.',
      );
      return;
    }
    const refused = store.importProjectFiles(files);
    const left = [...skipped, ...refused];
    if (left.length > 0) store.appendEntry('notice', `Imported ${files.length - refused.length} file(s); left out: ${left.join('; ')}.`);
  } catch (err) {
    store.setFilesError(`The import failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const MARK_LABELS = { new: 'new', modified: 'changed' } as const;
/** Rows are fixed-height, so a long list can be virtualized: only the rows in view are in the page. */
const ROW_HEIGHT = 24;
/** A short list is drawn whole (simpler for the browser and assistive technology); a longer one is virtualized. */
const VIRTUALIZE_ABOVE = 200;

/** One row: a folder that folds, or a file with its size and whether the last run made or changed it. */
function TreeRow({ row, selected, onToggle }: { row: FileTreeRow; selected: boolean; onToggle: (path: string) => void }) {
  const indent = { paddingLeft: 6 + row.depth * 12 };
  if (row.kind === 'folder')
    return (
      <button
        type="button"
        className="file file-folder"
        style={indent}
        data-testid="folder-item"
        data-path={row.path}
        aria-expanded={row.open}
        title={`${row.path}/ (${row.files} file${row.files === 1 ? '' : 's'})`}
        onClick={() => onToggle(row.path)}
      >
        <span aria-hidden="true">{row.open ? '▾' : '▸'}</span> {row.name}/
      </button>
    );
  return (
    <button
      type="button"
      className={`file${selected ? ' file-active' : ''}${row.mark ? ` file-${row.mark}` : ''}`}
      style={indent}
      data-testid="file-item"
      data-path={row.path}
      data-kind={row.binary ? 'binary' : 'text'}
      data-size={row.size}
      data-change={row.mark ?? undefined}
      aria-current={selected ? 'true' : undefined}
      title={`${row.path} (${formatBytes(row.size)}${row.mark ? `, ${MARK_LABELS[row.mark]} by the last run` : ''})`}
      onClick={() => appStore.getState().openFile(row.path)}
    >
      <span className="file-name">{row.name}</span>
      {row.mark ? <span className="file-mark">{MARK_LABELS[row.mark]}</span> : null}
      <span className="file-size">{formatBytes(row.size)}</span>
    </button>
  );
}

/** The project's files: open, new, rename, delete, import (files, folder, .zip; also by drag and drop), export. */
export function FileTree() {
  const files = useAppStore((s) => s.files);
  const active = useAppStore((s) => s.activePath);
  const viewing = useAppStore((s) => s.viewingPath);
  const marks = useAppStore((s) => s.fileMarks);
  const error = useAppStore((s) => s.filesError);
  const shown = viewing ?? active;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => fileTreeRows(files, collapsed, marks), [files, collapsed, marks]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualize = rows.length > VIRTUALIZE_ABOVE;
  // No React Compiler here: the virtualizer re-renders this component itself as the list scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: virtualize ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => `${rows[i]?.kind}:${rows[i]?.path ?? i}`,
    overscan: 20,
  });
  const toggle = (path: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(path)) next.add(path);
      return next;
    });
  const [dragging, setDragging] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);
  const s = appStore.getState();

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void pickedFromDrop(e.dataTransfer).then(importInto);
  };
  const ask = (question: string, value: string) => window.prompt(question, value);

  return (
    <aside
      className={`files${dragging ? ' files-drop' : ''}`}
      data-testid="file-tree"
      aria-label="Project files"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="files-actions">
        <button
          type="button"
          className="btn btn-small"
          data-testid="file-new"
          title="New file"
          onClick={() => {
            const path = ask('New file (folders with "/", e.g. tests/test_calc.py):', 'module.py');
            if (path !== null) s.createFile(path);
          }}
        >
          New
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="file-rename"
          title="Rename the open file"
          onClick={() => {
            const path = ask(`Rename ${shown} to:`, shown);
            if (path !== null && path !== shown) s.renameFile(shown, path);
          }}
        >
          Rename
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="file-delete"
          title="Delete the open file"
          onClick={() => {
            if (window.confirm(`Delete ${shown}? This cannot be undone (export the project first to keep a copy).`)) s.deleteFile(shown);
          }}
        >
          Delete
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="file-download"
          title="Download the open file as it is"
          onClick={() => {
            const file = appStore.getState().files.find((f) => f.path === shown);
            if (file) downloadFile(file);
          }}
        >
          Download
        </button>
      </div>
      <div className="files-actions">
        <label className="btn btn-small" title="Import files or a .zip (or drop them here)">
          Import
          <input
            type="file"
            multiple
            hidden
            data-testid="import-files"
            onChange={(e) => {
              const list = e.target.files;
              if (list) void importInto(pickedFromInput(list));
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" className="btn btn-small" title="Import a folder" onClick={() => folderInput.current?.click()}>
          Folder
        </button>
        <input
          ref={folderInput}
          type="file"
          hidden
          data-testid="import-folder"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const list = e.target.files;
            if (list) void importInto(pickedFromInput(list));
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="btn btn-small"
          data-testid="export-zip"
          title="Download the project as a .zip"
          onClick={() => void exportProjectZip(appStore.getState().files)}
        >
          Export
        </button>
      </div>
      {error ? (
        <p className="field-message" role="alert" data-testid="files-error">
          {error}
        </p>
      ) : null}
      <div className="files-list" ref={scroller} role="list" aria-label="Files" data-testid="files-list">
        {virtualize ? (
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((v) => {
              const row = rows[v.index];
              if (!row) return null;
              return (
                <div
                  key={v.key}
                  role="listitem"
                  className="files-row"
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
                >
                  <TreeRow row={row} selected={row.path === shown} onToggle={toggle} />
                </div>
              );
            })}
          </div>
        ) : (
          rows.map((row) => (
            <div key={`${row.kind}:${row.path}`} role="listitem" className="files-row">
              <TreeRow row={row} selected={row.path === shown} onToggle={toggle} />
            </div>
          ))
        )}
      </div>
      <p className="files-hint">Drop files, a folder or a .zip here.</p>
    </aside>
  );
}
