// The four areas a user moves between.
export const TABS = [
  { id: "library", label: "Library" },
  { id: "ask", label: "Ask" },
  { id: "models", label: "Models" },
  { id: "lab", label: "Lab" },
] as const;

export type TabId = (typeof TABS)[number]["id"];

export function isTabId(value: string): value is TabId {
  return TABS.some((tab) => tab.id === value);
}
