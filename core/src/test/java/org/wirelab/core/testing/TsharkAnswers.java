package org.wirelab.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * tshark's answers for one capture in a single run: the {@code -T fields} rows of many fields, and the
 * frames each of many display filters selects (a Lua listener per filter, which sees the same frames as
 * {@code -Y}). Answers are kept for the whole test run, so that the tests asking about the same capture
 * run tshark once.
 *
 * @param rows the fields' rows, the header first
 * @param selected for each filter, the numbers of the frames it selects
 */
public record TsharkAnswers(List<String[]> rows, List<Set<Integer>> selected) {
    private static final Map<String, TsharkAnswers> CACHE = new ConcurrentHashMap<>();

    public static TsharkAnswers of(Path capture, List<String> fields, List<String> filters) {
        String key = capture.toAbsolutePath() + "\n" + fields + "\n" + filters;
        return CACHE.computeIfAbsent(key, k -> ask(capture, fields, filters));
    }

    /**
     * Asks tshark about all the captures at once, four runs at a time: a run spends most of its second
     * loading dissectors, not computing, so that the answers for 60 files take a quarter of the time.
     */
    public static void prefetch(List<Path> captures, List<String> fields, List<String> filters) {
        Tshark.require();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<TsharkAnswers>> answers = new ArrayList<>();
            for (Path capture : captures) {
                answers.add(pool.submit(() -> of(capture, fields, filters)));
            }
            for (java.util.concurrent.Future<TsharkAnswers> answer : answers) {
                answer.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static TsharkAnswers ask(Path capture, List<String> fields, List<String> filters) {
        try {
            Path script = Files.createTempFile("filters", ".lua");
            Files.writeString(script, script(filters), StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("-r", capture.toString(), "-X", "lua_script:" + script,
                    "-T", "fields", "-E", "header=y", "-E", "separator=/t"));
            for (String field : fields) {
                args.add("-e");
                args.add(field);
            }
            String output = Tshark.runOnDamagedFile(args.toArray(String[]::new));
            Files.deleteIfExists(script);
            List<String[]> rows = new ArrayList<>();
            List<Set<Integer>> selected = new ArrayList<>();
            boolean inFilters = false;
            for (String line : output.split("\n", -1)) {
                if (line.equals("#filters")) {
                    inFilters = true;
                } else if (inFilters && selected.size() < filters.size()) {
                    Set<Integer> frames = new TreeSet<>();
                    for (String number : line.split(",")) {
                        if (!number.isEmpty()) {
                            frames.add(Integer.parseInt(number));
                        }
                    }
                    selected.add(frames);
                } else if (!inFilters && !line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            if (selected.size() != filters.size()) {
                throw new IllegalStateException("tshark's Lua listeners answered " + selected.size() + " of "
                        + filters.size() + " filters for " + capture);
            }
            return new TsharkAnswers(rows, selected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String script(List<String> filters) {
        StringBuilder lua = new StringBuilder("local filters = {\n");
        for (String filter : filters) {
            lua.append("  [==[").append(filter).append("]==],\n");
        }
        lua.append("}\n")
                .append("local hits = {}\n")
                .append("for i, f in ipairs(filters) do\n")
                .append("  hits[i] = {}\n")
                .append("  local listener = Listener.new(nil, f)\n")
                .append("  function listener.packet(pinfo) table.insert(hits[i], pinfo.number) end\n")
                .append("end\n")
                .append("local last = Listener.new(nil, nil)\n")
                .append("function last.draw()\n")
                .append("  print(\"#filters\")\n")
                .append("  for i = 1, #filters do print(table.concat(hits[i], \",\")) end\n")
                .append("end\n");
        return lua.toString();
    }
}
