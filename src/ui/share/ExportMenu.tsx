import { useRef } from 'react';
import { SKILL_ARCHIVE_FORMATS, type SkillArchiveFormat } from '../../packaging';
import { exportSkill, notify } from '../../store';
import { downloadBytes } from './download';
import './share.css';

/** Exports the skill, edits included, as .skill (Anthropic's package), .zip or .tar.gz. */
export function ExportMenu({ skillKey }: { skillKey: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const save = async (format: SkillArchiveFormat) => {
    if (menu.current) menu.current.open = false;
    const file = await exportSkill(skillKey, format);
    if (file.ok) downloadBytes(file.fileName, file.bytes);
    else notify(`The skill could not be exported: ${file.reason}`);
  };
  return (
    <details ref={menu} className="export-menu">
      <summary>Export skill</summary>
      <div>
        {SKILL_ARCHIVE_FORMATS.map((format) => (
          <button key={format} type="button" onClick={() => void save(format)}>
            Export as .{format}
          </button>
        ))}
      </div>
    </details>
  );
}
