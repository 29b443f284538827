// The limit of each read scenario: the minimal hand-written SQL that answers the same question on
// the same database, building the same JSON as the server's `data`, with no HTTP and no GraphQL.
// One function per file of bench/queries/, named alike; each receives prepared statements (`sql`,
// whose `all`/`get` return rows on SQLite and promises of rows on MySQL) and the server's SQL
// dialect `d` (the few expressions the two databases write differently: text folding for search
// and order, the year of a date), and returns the `data` object.

/**
 * Amounts are DECIMAL(14,2) columns: the API sends them as exact strings with two decimals.
 * SQLite returns numbers, MySQL's driver exact strings already.
 */
const money = (value) =>
  value === null || value === undefined
    ? null
    : typeof value === 'string'
      ? value
      : value.toFixed(2);

/** Groups rows by `key`, keeping their order. */
function groupBy(rows, key) {
  const groups = new Map();
  for (const row of rows) {
    const list = groups.get(row[key]);
    if (list) list.push(row);
    else groups.set(row[key], [row]);
  }
  return groups;
}

const placeholders = (count) => Array.from({ length: count }, () => '?').join(', ');

export const LIMIT_SCENARIOS = {
  async regions(sql) {
    return { regions: await sql('SELECT code, name FROM region ORDER BY overseas, code').all() };
  },

  async 'pole-detail'(sql) {
    const pole = await sql(
      `SELECT p.id, p.name, p.acronym, p.slug, p.status, p.city, p.foundedYear, p.website,
              r.code AS regionCode, r.name AS regionName
         FROM pole p JOIN region r ON r.id = p.headquartersRegionId WHERE p.slug = ?`,
    ).get('aerospace-valley');
    const themes = await sql(
      `SELECT t.code, t.name FROM pole_theme pt JOIN theme t ON t.id = pt.themeId
        WHERE pt.poleId = ? ORDER BY lower(t.code), t.id`,
    ).all(pole.id);
    const { id, regionCode, regionName, ...fields } = pole;
    void id;
    return { pole: { ...fields, region: { code: regionCode, name: regionName }, themes } };
  },

  async 'pole-directory'(sql, d) {
    const poles = await sql(
      `SELECT p.id, p.name, r.name AS regionName FROM pole p
         JOIN region r ON r.id = p.headquartersRegionId ORDER BY ${d.sortableText('p.name')}, p.id LIMIT 55`,
    ).all();
    const themes = groupBy(
      await sql(
        `SELECT pt.poleId, t.name FROM pole_theme pt JOIN theme t ON t.id = pt.themeId
          ORDER BY lower(t.code), t.id`,
      ).all(),
      'poleId',
    );
    return {
      poles: {
        nodes: poles.map((pole) => ({
          name: pole.name,
          region: { name: pole.regionName },
          themes: (themes.get(pole.id) ?? []).map(({ name }) => ({ name })),
        })),
      },
    };
  },

  async 'regional-funded-projects'(sql) {
    // Few projects are FUNDED: each is checked for a partner in the region through the indexes.
    const where = `p.status = 'FUNDED' AND EXISTS (SELECT 1 FROM project_partner pp
        JOIN member m ON m.id = pp.memberId WHERE pp.projectId = p.id
         AND m.regionId = (SELECT id FROM region WHERE code = '84'))`;
    const projects = await sql(
      `SELECT p.id, p.acronym, p.title, p.totalBudget FROM project p WHERE ${where}
        ORDER BY COALESCE(p.submittedOn, '') DESC, p.id DESC LIMIT 50`,
    ).all();
    const { total } = await sql(`SELECT COUNT(*) AS total FROM project p WHERE ${where}`).get();
    const ids = projects.map((project) => project.id);
    const partners = groupBy(
      await sql(
        `SELECT pp.projectId, pp.role, m.name FROM project_partner pp
           JOIN member m ON m.id = pp.memberId
          WHERE pp.projectId IN (${placeholders(ids.length)}) ORDER BY pp.role, pp.id`,
      ).all(...ids),
      'projectId',
    );
    return {
      projects: {
        totalCount: total,
        nodes: projects.map((project) => ({
          acronym: project.acronym,
          title: project.title,
          totalBudget: money(project.totalBudget),
          partners: (partners.get(project.id) ?? []).map(({ role, name }) => ({
            role,
            member: { name },
          })),
        })),
      },
    };
  },

  async 'european-projects-page'(sql) {
    const where = `p.programmeId IN (SELECT id FROM funding_programme WHERE level = 'EUROPEAN')`;
    const totals = await sql(
      `SELECT COUNT(*) AS count, SUM(p.totalBudget) AS budget FROM project p WHERE ${where}`,
    ).get();
    const nodes = await sql(
      `SELECT p.acronym, p.title, p.status, p.totalBudget, l.name AS leadPoleName FROM project p
         JOIN pole l ON l.id = p.leadPoleId WHERE ${where}
        ORDER BY p.totalBudget DESC, p.id DESC LIMIT 50`,
    ).all();
    return {
      projects: {
        totalCount: totals.count,
        aggregate: { count: totals.count, sum: { totalBudget: money(totals.budget) } },
        nodes: nodes.map(({ leadPoleName, totalBudget, ...project }) => ({
          ...project,
          totalBudget: money(totalBudget),
          leadPole: { name: leadPoleName },
        })),
      },
    };
  },

  async 'member-search'(sql, d) {
    const match = d.containsInsensitive('m.name');
    const nodes = await sql(
      `SELECT m.name, m.category, r.name AS regionName FROM member m
         JOIN region r ON r.id = m.regionId WHERE ${match} ORDER BY ${d.sortableText('m.name')}, m.id LIMIT 20`,
    ).all('lab');
    const { total } = await sql(`SELECT COUNT(*) AS total FROM member m WHERE ${match}`).get('lab');
    return {
      members: {
        totalCount: total,
        nodes: nodes.map(({ regionName, ...member }) => ({
          ...member,
          region: { name: regionName },
        })),
      },
    };
  },

  async 'project-stats'(sql, d) {
    const groups = await sql(
      `SELECT r.code, ${d.year('p.submittedOn')} AS year,
              COUNT(*) AS count, SUM(p.totalBudget) AS budget
         FROM project p JOIN pole l ON l.id = p.leadPoleId JOIN region r ON r.id = l.headquartersRegionId
        GROUP BY l.headquartersRegionId, r.code, year ORDER BY l.headquartersRegionId, year LIMIT 500`,
    ).all();
    return {
      projectStats: groups.map((group) => ({
        key: { region: { code: group.code }, year: group.year },
        count: group.count,
        sum: { totalBudget: money(group.budget) },
      })),
    };
  },

  async 'national-overview'(sql, d) {
    const poles = await sql(
      `SELECT p.id, r.name AS regionName FROM pole p JOIN region r ON r.id = p.headquartersRegionId
        ORDER BY ${d.sortableText('p.name')}, p.id LIMIT 55`,
    ).all();
    const poleIds = poles.map((pole) => pole.id);
    const themes = groupBy(
      await sql(
        `SELECT pt.poleId, t.name FROM pole_theme pt JOIN theme t ON t.id = pt.themeId
          ORDER BY lower(t.code), t.id`,
      ).all(),
      'poleId',
    );
    // A pole's projects: those it leads or co-labels, newest submission first, 10 per pole.
    const projects = groupBy(
      await sql(
        `SELECT poleId, projectId, programmeName FROM (
           SELECT links.poleId, p.id AS projectId, fp.name AS programmeName,
                  ROW_NUMBER() OVER (PARTITION BY links.poleId
                    ORDER BY COALESCE(p.submittedOn, '') DESC, p.id DESC) AS place
             FROM (SELECT id AS projectId, leadPoleId AS poleId FROM project
                   UNION SELECT projectId, poleId FROM project_co_labelling_pole) links
             JOIN project p ON p.id = links.projectId
             JOIN funding_programme fp ON fp.id = p.programmeId
            WHERE links.poleId IN (${placeholders(poleIds.length)})
          ) ranked WHERE place <= 10 ORDER BY poleId, place`,
      ).all(...poleIds),
      'poleId',
    );
    const projectIds = [...new Set([...projects.values()].flat().map((row) => row.projectId))];
    const partners = groupBy(
      await sql(
        `SELECT pp.projectId, m.name, r.name AS regionName FROM project_partner pp
           JOIN member m ON m.id = pp.memberId JOIN region r ON r.id = m.regionId
          WHERE pp.projectId IN (${placeholders(projectIds.length)}) ORDER BY pp.role, pp.id`,
      ).all(...projectIds),
      'projectId',
    );
    return {
      poles: {
        nodes: poles.map((pole) => ({
          region: { name: pole.regionName },
          themes: (themes.get(pole.id) ?? []).map(({ name }) => ({ name })),
          projects: {
            nodes: (projects.get(pole.id) ?? []).map((project) => ({
              programme: { name: project.programmeName },
              partners: (partners.get(project.projectId) ?? []).map((partner) => ({
                member: { name: partner.name, region: { name: partner.regionName } },
              })),
            })),
          },
        })),
      },
    };
  },
};
