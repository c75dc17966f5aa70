// Make the comparison tables of category pages, and the explore and licence-change tables,
// sortable by a click on a column header.
// `document$` is Material's page observable, so this also runs after in-page navigation.
document$.subscribe(function () {
  document.querySelectorAll("article table:not([class]), .ls-explore__table, .ls-changes").forEach(function (table) {
    new Tablesort(table);
  });
});
