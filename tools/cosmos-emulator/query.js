"use strict";

// SQL clauses that @zeit/cosmosdb-query (the engine inside @vercel/cosmosdb-server) does not parse,
// taken out of the query text before the engine sees it and applied to its result afterwards.
// Cosmos DB evaluates them in this order, so do we: DISTINCT, then OFFSET, then LIMIT and TOP.
//
// Only the outermost query is handled: a subquery with DISTINCT or OFFSET/LIMIT still fails to
// parse, with a 400 from the engine, so nothing silently returns wrong results.

const KEYWORD = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER_OR_PARAMETER = /^(@[A-Za-z0-9_]+|\d+)$/;

/** Splits SQL into tokens {text, start, end, depth}; strings and brackets are never split. */
function tokenize(sql) {
  const tokens = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'" || ch === '"') {
      // A string literal, with backslash escapes as in Cosmos DB SQL.
      let j = i + 1;
      while (j < sql.length && sql[j] !== ch) j += sql[j] === "\\" ? 2 : 1;
      tokens.push({ text: sql.slice(i, j + 1), start: i, end: j + 1, depth });
      i = j + 1;
    } else if (ch === "(" || ch === "[" || ch === "{") {
      tokens.push({ text: ch, start: i, end: i + 1, depth });
      depth += 1;
      i += 1;
    } else if (ch === ")" || ch === "]" || ch === "}") {
      depth -= 1;
      tokens.push({ text: ch, start: i, end: i + 1, depth });
      i += 1;
    } else {
      const word = KEYWORD.exec(sql.slice(i)) || /^@?[A-Za-z0-9_.]+/.exec(sql.slice(i));
      const text = word ? word[0] : ch;
      tokens.push({ text, start: i, end: i + text.length, depth });
      i += text.length;
    }
  }
  return tokens;
}

function isWord(token, word) {
  return token && token.depth === 0 && token.text.toUpperCase() === word;
}

function resolveCount(text, parameters, clause) {
  let value;
  if (text.startsWith("@")) {
    const parameter = (parameters || []).find(p => p.name === text);
    if (!parameter) throw badRequest(`${clause}: parameter ${text} is not defined`);
    value = parameter.value;
  } else {
    value = Number(text);
  }
  if (!Number.isInteger(value) || value < 0) {
    throw badRequest(`${clause} must be a non-negative integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

function badRequest(message) {
  const err = new Error(message);
  err.badRequest = true;
  return err;
}

/**
 * Takes DISTINCT, TOP and OFFSET/LIMIT out of the outermost SELECT.
 * Returns { sql, distinct, top, offset, limit } where sql is what the engine can run.
 */
function preprocess(sql, parameters) {
  const tokens = tokenize(sql);
  const cut = []; // [start, end) ranges of the text to remove
  const result = { distinct: false, top: null, offset: null, limit: null, selectValue: false };

  if (!isWord(tokens[0], "SELECT")) return { ...result, sql };
  let i = 1;
  // Cosmos DB allows SELECT [DISTINCT] [TOP n] ...; accept either order as the gateway does.
  for (let seen = 0; seen < 2; seen += 1) {
    if (isWord(tokens[i], "DISTINCT")) {
      result.distinct = true;
      cut.push([tokens[i].start, tokens[i].end]);
      i += 1;
    } else if (isWord(tokens[i], "TOP") && tokens[i + 1] && NUMBER_OR_PARAMETER.test(tokens[i + 1].text)) {
      result.top = resolveCount(tokens[i + 1].text, parameters, "TOP");
      cut.push([tokens[i].start, tokens[i + 1].end]);
      i += 2;
    }
  }
  result.selectValue = isWord(tokens[i], "VALUE");

  // OFFSET n LIMIT m is always the last clause of a query.
  const n = tokens.length;
  if (n >= 4 && isWord(tokens[n - 4], "OFFSET") && isWord(tokens[n - 2], "LIMIT")) {
    const [offsetValue, limitValue] = [tokens[n - 3].text, tokens[n - 1].text];
    if (!NUMBER_OR_PARAMETER.test(offsetValue) || !NUMBER_OR_PARAMETER.test(limitValue)) {
      throw badRequest("OFFSET and LIMIT take an integer or a parameter");
    }
    result.offset = resolveCount(offsetValue, parameters, "OFFSET");
    result.limit = resolveCount(limitValue, parameters, "LIMIT");
    cut.push([tokens[n - 4].start, tokens[n - 1].end]);
  } else if (tokens.some(t => isWord(t, "OFFSET") || isWord(t, "LIMIT"))) {
    throw badRequest("OFFSET and LIMIT must come together, as the last clause of the query");
  }

  let text = sql;
  for (const [start, end] of cut.sort((a, b) => b[0] - a[0])) {
    text = text.slice(0, start) + text.slice(end);
  }
  return { ...result, sql: text.trim() };
}

/** A JSON text that is equal for equal values whatever the order of object properties. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .filter(k => value[k] !== undefined)
      .map(k => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/** Applies what preprocess() took out, in Cosmos DB's order of evaluation. */
function postprocess(rows, { distinct, top, offset, limit }) {
  let out = rows;
  if (distinct) {
    const seen = new Set();
    out = out.filter(row => {
      const key = canonical(row);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  if (offset !== null) out = out.slice(offset, offset + limit);
  if (top !== null) out = out.slice(0, top);
  return out;
}

/**
 * The query plan the .NET SDK asks the gateway for on Linux (it has no native query parser there).
 * The emulator has exactly one partition key range, ["", "FF"), and executes every query whole
 * (ORDER BY, TOP, aggregates, DISTINCT, OFFSET/LIMIT) in that range. So the plan says: one range,
 * nothing left for the client to merge, sort, aggregate or de-duplicate. The SDK then streams the
 * server's pages and continuation tokens through unchanged, and results are exactly the engine's.
 * Declaring ORDER BY or aggregates here would make the SDK send a rewritten query
 * (orderByItems/payload, [{"item": COUNT(1)}]) that this engine cannot run.
 */
function queryPlan(info) {
  return {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: "None",
      top: null,
      offset: null,
      limit: null,
      orderBy: [],
      orderByExpressions: [],
      groupByExpressions: [],
      groupByAliases: [],
      aggregates: [],
      groupByAliasToAggregateType: {},
      rewrittenQuery: "",
      hasSelectValue: info.selectValue,
      dCountInfo: null,
      hasNonStreamingOrderBy: false
    },
    queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }]
  };
}

module.exports = { preprocess, postprocess, queryPlan, canonical, badRequest };
