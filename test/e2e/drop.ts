// Dropping files on the Library's drop zone from a test, the way a browser delivers a drag and drop.
import type { Page } from "playwright-core";

/** A file made in the page from text. */
export interface DroppedFile {
  name: string;
  type: string;
  text: string;
}

/** Drops files on the drop zone the way a browser does: dragenter, dragover, then a drop carrying a DataTransfer. */
export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const file of list) data.items.add(new File([file.text], file.name, { type: file.type }));
    return data;
  }, files);
  const zone = page.getByTestId("drop-zone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}
