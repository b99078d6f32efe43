// An honest placeholder for an area whose issue has not been built.
export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <section className="panel not-built" aria-labelledby="not-built-title">
      <h2 id="not-built-title">{title}</h2>
      <p>Not built yet. {what}</p>
    </section>
  );
}
