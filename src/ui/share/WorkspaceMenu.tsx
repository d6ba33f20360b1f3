import { ExportWorkspaceDialog } from './ExportWorkspaceDialog';
import { ImportWorkspaceDialog } from './ImportWorkspaceDialog';
import { PublishDialog } from './PublishDialog';
import './share.css';

/** The workspace as files: export it, import one, publish skills for static hosting. */
export function WorkspaceMenu() {
  return (
    <div className="workspace-menu">
      <ExportWorkspaceDialog />
      <ImportWorkspaceDialog />
      <PublishDialog />
    </div>
  );
}
