package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.common.OutPort;
import java.util.List;

/** Out-port: the checks, downloads and applies of this device, kept across restarts. */
@OutPort
public interface UpdateHistory {
    void append(UpdateRecord record);

    /** Newest first, at most {@code max}. */
    List<UpdateRecord> recent(int max);
}
