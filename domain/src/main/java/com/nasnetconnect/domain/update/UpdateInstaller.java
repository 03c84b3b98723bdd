package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.common.OutPort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the update checker needs from the installation (A/B): the running version, a slot beside it for a verified
 * release, the restart that switches to it, and what the launcher did at the last switch. The launcher ({@code ./nnc}
 * and the container entrypoint) starts a staged version on trial and switches back by itself, recording why, when it
 * does not {@linkplain #commit() report healthy} in time.
 */
@OutPort
public interface UpdateInstaller {
    /** The version this process runs. */
    String runningVersion();

    /** Puts a verified artifact beside the running version as the one the next start tries. */
    void stage(String version, Path verifiedArtifact) throws IOException;

    /** Asks the launcher to restart into the staged version (the process ends; the launcher starts the other slot). */
    void restartIntoStaged();

    /** True while this process is a staged version on trial, not yet committed. */
    boolean onTrial();

    /** This version started and reports healthy: the launcher keeps it from now on. */
    void commit();

    /** What the launcher recorded (switches, commits, rollbacks with their reason), newest first. */
    List<UpdateRecord> launcherRecords();
}
