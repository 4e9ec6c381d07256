package briefing.cli;

import java.sql.SQLException;

/**
 * Why a run failed, in one line for the operator (and cron's mail): the database's own words when
 * the database is at fault, else the innermost message, without Spring's chain of bean names. The
 * stack trace is for the log file at debug level and for the job repository, not for the console.
 */
public final class FailureMessage {

    private FailureMessage() {
    }

    public static String of(Throwable e) {
        String innermost = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                // SQL state class 08: the connection failed (a PostgreSQL server down or out of reach, a wrong address)
                return "the database could not be reached (is its server running, and its address, user and password right?): "
                        + firstLine(cause.getMessage());
            }
            if (cause instanceof SQLException) {
                return "the database could not be opened or used (is it corrupt, read-only, or open in another program?): "
                        + firstLine(cause.getMessage());
            }
            if (cause.getMessage() != null) {
                innermost = cause.getMessage();
            }
        }
        return innermost == null ? e.getClass().getSimpleName() : firstLine(innermost);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }
}
