package com.nasnetconnect.server.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * How every command of the jar runs on picocli: output to the given streams, and one set of exit codes and
 * messages. A usage mistake (unknown option or sub-command, an option without its value or given twice) prints
 * {@code "<command>: <what>"} and the command's usage on stderr and exits 2; a refusal (an
 * {@link IllegalArgumentException} or {@link IllegalStateException} from the command, e.g. a missing required
 * option or an unknown role) prints {@code "<command>: <message>"} and exits 1. {@code <command>} is the
 * command group the user typed ({@code apikey}, {@code db quarantine}), not the leaf.
 */
public final class Cli {
    /** The name of the jar's root command: what a user types before a command. */
    public static final String JAR = "java -jar nasnetconnect.jar";

    private Cli() {
    }

    /** {@code -h}, {@code --help}: the command's usage on stdout, exit 0. */
    public static final class Help {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    /** {@code --data-dir D}: the data directory; else NNC_DATA_DIR, else ./data (as the server). */
    public static final class DataDir {
        @Option(names = "--data-dir", paramLabel = "D", description = "the data directory (default: NNC_DATA_DIR, else ./data)")
        String dataDir;

        Path resolve(Map<String, String> env) {
            String d = dataDir != null ? dataDir : env.getOrDefault("NNC_DATA_DIR", "./data");
            return Path.of(d).toAbsolutePath().normalize();
        }
    }

    /** Runs {@code args} on {@code command} with this class's streams, messages and exit codes. */
    public static int execute(CommandLine command, String[] args, PrintStream out, PrintStream err) {
        return configure(command, out, err).execute(args);
    }

    /** Sets streams and handlers on {@code command} (and, through picocli, on its subcommands added so far). */
    public static CommandLine configure(CommandLine command, PrintStream out, PrintStream err) {
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        command.setUsageHelpWidth(120);
        command.setExpandAtFiles(false); // an argument starting with '@' is a value, not a file to read arguments from
        command.setParameterExceptionHandler((ex, args) -> {
            CommandLine group = group(ex.getCommandLine());
            if (group.getCommandName().equals(JAR)) {
                String word = ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                        ? u.getUnmatched().getFirst() : String.join(" ", args);
                err.println("nasnetconnect: unknown command '" + word + "' (try --help)");
                return 2;
            }
            err.println(name(group) + ": " + describe(ex));
            group.usage(err);
            return 2;
        });
        command.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
                err.println(name(group(failed)) + ": " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return command;
    }

    /** The option's value, or a refusal naming the option (exit 1, as before picocli). */
    static String require(String value, String option, String command) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("'" + command + "' needs --" + option);
        return value;
    }

    /** Prints {@code command}'s usage to its output stream and returns 2: a group typed without its sub-command. */
    static int usageWithoutSubcommand(CommandLine command) {
        command.usage(command.getOut());
        command.getOut().flush();
        return 2;
    }

    /** A method sub-command ({@code create}) reports under its group ({@code apikey}). */
    private static CommandLine group(CommandLine command) {
        boolean method = command.getCommandSpec().userObject() instanceof Method;
        return method && command.getParent() != null ? command.getParent() : command;
    }

    /** The command path the user typed, without the jar's root command. */
    private static String name(CommandLine command) {
        var names = new ArrayList<String>();
        for (CommandLine c = command; c != null; c = c.getParent()) {
            if (!c.getCommandName().equals(JAR)) names.addFirst(c.getCommandName());
        }
        return names.isEmpty() ? command.getCommandName() : String.join(" ", names);
    }

    private static String describe(CommandLine.ParameterException ex) {
        CommandLine at = ex.getCommandLine();
        return switch (ex) {
            case CommandLine.UnmatchedArgumentException u -> unmatched(at, u.getUnmatched());
            case CommandLine.OverwrittenOptionException o -> "option " + label(o.getOverwritten()) + " given twice";
            case CommandLine.MissingParameterException m when !m.getMissing().isEmpty()
                    && m.getMissing().getFirst().isOption() -> "option " + label(m.getMissing().getFirst()) + " needs a value";
            default -> ex.getMessage();
        };
    }

    private static String unmatched(CommandLine at, List<String> unmatched) {
        String first = unmatched.isEmpty() ? "" : unmatched.getFirst();
        if (first.startsWith("-")) {
            String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            return "unknown option " + option + " for '" + at.getCommandName() + "'";
        }
        if (!at.getSubcommands().isEmpty()) return "unknown sub-command '" + first + "'";
        return "unexpected argument '" + first + "'";
    }

    private static String label(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }
}
