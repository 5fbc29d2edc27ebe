package org.psyscreen.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code psyscreen} command. */
@Command(
        name = "psyscreen",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Scores school mental-health screening questionnaires.",
        footer = {
            "",
            "Examples:",
            "  psyscreen score --policy example-a-glad-pc --out results examples/demo/cohort.csv",
            "  psyscreen explain --policy example-a-glad-pc examples/records/synthetic-student.yaml",
            "  psyscreen score --instrument phq9 --out results my-phq9-file.csv",
            "  psyscreen list --bundle my-files/",
            "  psyscreen mapping --policy example-a-glad-pc export.csv > mapping.yaml",
            "  psyscreen records history --db school.db --school SCH3 --key psyscreen.key --student G4401000001",
            "  psyscreen validate --instrument gad7 --out report examples/demo/cohort.csv",
            "  psyscreen check --bundled",
            "  psyscreen describe phq9",
            "  psyscreen norms scared-total-cn-sex"
        })
public final class Main implements Runnable {
    /**
     * The subcommands, in the order the usage lists them. They are added by {@link #commandLine}, not
     * named in the annotation: picocli builds the model of every command it is given, and building all
     * of them (fields, options, mixins, the records tree) was half a second of every run's start-up.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            ScoreCommand.class,
            CheckCommand.class,
            DescribeCommand.class,
            NormsCommand.class,
            ExplainCommand.class,
            ListCommand.class,
            MappingCommand.class,
            GenerateCohortCommand.class,
            RecordsCommand.class,
            ValidateCommand.class,
            ConformanceCommand.class,
            ReportCommand.class,
            KeyCommand.class,
            FhirCommand.class,
            SimulateCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * {@return the command line for {@code args}: with the one subcommand {@code args} names, or with all
     * of them when it names none (help, usage, an option, a misspelt command)} What a run prints does not
     * change: a subcommand's usage and errors name only itself and its parent.
     *
     * @param main the top-level command object
     * @param args the arguments as given
     */
    static CommandLine commandLine(Main main, String... args) {
        CommandLine cl = new CommandLine(main);
        Class<?> only = null;
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    only = c;
                }
            }
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (only == null || c == only) {
                cl.addSubcommand(c);
            }
        }
        return cl;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command and returns its exit code: 0 success, 1 problems found, 2 usage error. */
    public static int run(PrintWriter rawOut, PrintWriter rawErr, String... args) {
        // Data (school names, headers) can reach the console: nothing in it may act on the terminal.
        PrintWriter out = new PrintWriter(new TerminalSafe(rawOut), true);
        PrintWriter err = new PrintWriter(new TerminalSafe(rawErr), true);
        CommandLine cl = commandLine(new Main(), args);
        cl.setOut(out);
        cl.setErr(err);
        // Never a stack trace: its messages may quote data (an id in a parser's message). One line,
        // the kind of failure, and what to do.
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof org.psyscreen.diagnostic.DefinitionException d) {
                // what was loaded does not fit together (a policy's instruments not planned ...): the
                // problems name files, codes and fixes, never student data
                commandLine.getErr().println("psyscreen " + commandLine.getCommandName() + ": " + d.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            commandLine.getErr().println(failure(commandLine.getCommandName(), e));
            commandLine.getErr().flush();
            return e instanceof java.io.IOException ? 3 : 4;
        });
        Spreadsheets.sweepLeftovers(); // converted copies a killed run left behind
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) { // an Error, so picocli's handler never sees it
            err.println(failure(cl.getCommandName(), e));
            return 4;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The one line a failed command prints: the kind of failure and what to do, never a stack trace
     * (its messages may quote data). Running out of memory, anywhere in the cause chain (a scoring
     * thread's failure arrives wrapped), is named as such with its fixes.
     */
    static String failure(String command, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return "psyscreen " + command + ": ran out of memory; nothing was published. Give Java more"
                        + " (PSYSCREEN_JAVA_OPTS=-Xmx2g psyscreen ..., or java -Xmx2g -jar psyscreen.jar ...), or"
                        + " use less: --threads 1, and fewer --outputs (the audit trail scores.jsonl costs the"
                        + " most).";
            }
        }
        return "psyscreen " + command + ": failed (" + e.getClass().getSimpleName() + "); nothing was published."
                + " If the input is readable and this repeats, report it with the command line (not the data).";
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** The engine's version, as recorded in every decision and summary. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            // the version every output records, so --version and the results never disagree
            return new String[] {"psyscreen " + org.psyscreen.version.EngineVersion.VALUE};
        }
    }
}
