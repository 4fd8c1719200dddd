/**
 * An attribution as a reader needs it in a table: "he" says little, so a pronoun or description resolved to an
 * entity is shown with the entity's name ("he (Sergei Lavrov)"); a surface that already names it stays as it is. A
 * joint source ("Moscow and Pyongyang") is shown with every name its surface does not already hold.
 */
export function attributionLabel(surface: string, entity: string | readonly string[] | null, names: ReadonlyMap<string, string>): string {
  const lower = surface.toLowerCase();
  const ids = entity === null ? [] : typeof entity === 'string' ? [entity] : entity;
  const shown = ids.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
  const missing = shown.filter((name) => !lower.includes(name.toLowerCase()) && !(ids.length === 1 && name.toLowerCase().includes(lower)));
  return missing.length === 0 ? surface : `${surface} (${shown.join(', ')})`;
}
