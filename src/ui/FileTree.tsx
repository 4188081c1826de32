import { useRef, useState, type DragEvent } from 'react';
import { importPicked, pickedFromDrop, pickedFromInput, type PickedFile } from '../project/importFiles.ts';
import { exportProjectZip } from '../project/exportProject.ts';
import { projectFiles } from '../store/createFilesSlice.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';

async function importInto(picked: PickedFile[]): Promise<void> {
  const store = appStore.getState();
  try {
    const { files, skipped } = await importPicked(picked);
    store.importProjectFiles(files);
    if (skipped.length > 0) store.appendEntry('notice', `Imported ${files.length} file(s); left out: ${skipped.join(', ')}.`);
  } catch (err) {
    store.setFilesError(`The import failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The project's files: open, new, rename, delete, import (files, folder, .zip; also by drag and drop), export. */
export function FileTree() {
  const files = useAppStore((s) => s.files);
  const active = useAppStore((s) => s.activePath);
  const error = useAppStore((s) => s.filesError);
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
            const path = ask(`Rename ${active} to:`, active);
            if (path !== null && path !== active) s.renameFile(active, path);
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
            if (window.confirm(`Delete ${active}? This cannot be undone (export the project first to keep a copy).`)) s.deleteFile(active);
          }}
        >
          Delete
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
          onClick={() => void exportProjectZip(projectFiles(appStore.getState()))}
        >
          Export
        </button>
      </div>
      {error ? (
        <p className="field-message" role="alert" data-testid="files-error">
          {error}
        </p>
      ) : null}
      <ul className="files-list">
        {files.map((f) => (
          <li key={f.path}>
            <button
              type="button"
              className={`file${f.path === active ? ' file-active' : ''}`}
              data-testid="file-item"
              data-path={f.path}
              title={f.path}
              onClick={() => s.openFile(f.path)}
            >
              <span className="file-dir">{f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : ''}</span>
              {f.path.slice(f.path.lastIndexOf('/') + 1)}
            </button>
          </li>
        ))}
      </ul>
      <p className="files-hint">Drop files, a folder or a .zip here.</p>
    </aside>
  );
}
