import { useEffect, useState } from 'react';
import { errorMessage } from '../../errors';
import { bundleImageUrl } from '../bundleImage';

/**
 * An output that is an image, shown as a picture that runs nothing: a raster image from a blob:
 * URL typed by its own bytes, an SVG as the PNG it is drawn into (see bundleImage.ts).
 */
export function ImageView({
  bytes,
  alt,
  testId,
}: {
  bytes: Uint8Array;
  alt: string;
  testId?: string;
}) {
  const [shown, setShown] = useState<{ bytes: Uint8Array; url?: string; problem?: string }>();
  useEffect(() => {
    let live = true;
    let made: string | undefined;
    bundleImageUrl('the output', bytes).then(
      (url) => {
        made = url;
        if (live) setShown({ bytes, url });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => live && setShown({ bytes, problem: errorMessage(error) }),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [bytes]);
  const current = shown?.bytes === bytes ? shown : undefined;
  return (
    <div className="image-output" data-testid={testId}>
      {current?.url ? (
        <img src={current.url} alt={alt} />
      ) : (
        <p className="muted">{current?.problem ?? 'Drawing the image…'}</p>
      )}
    </div>
  );
}
