/**
 * saveFile hands a file the page fetched (with the API's auth, which a
 * plain link cannot send) to the browser as a download named name, through
 * a temporary link.
 */
export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has taken the file by the next task; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
