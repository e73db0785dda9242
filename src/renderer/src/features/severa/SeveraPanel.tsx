export function SeveraPanel() {
  return (
    <div className="panel-intro">
      <h2>Severa login check</h2>
      <p>
        Coming next: load the Azets Work and Visma Severa user lists (CSV files, or Severa users read live from its API) and see, for
        every user at once, whether opening Severa from the Azets Work portal will work — and if not, why and how to fix it: inactive
        in Severa, the Azets Work add-on not active, an email that differs only in case, spaces or a typo, duplicates, and more.
      </p>
    </div>
  );
}
