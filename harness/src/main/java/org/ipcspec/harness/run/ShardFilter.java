package org.ipcspec.harness.run;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/** Keeps the scenarios of one shard; containers pass, and are pruned when nothing is left in them. */
final class ShardFilter implements PostDiscoveryFilter {

    private final Shard shard;

    ShardFilter(Shard shard) {
        this.shard = shard;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!descriptor.isTest()) {
            return FilterResult.included("container");
        }
        String location = descriptor.getSource().map(Locations::of).orElse(descriptor.getUniqueId().toString());
        return FilterResult.includedIf(shard.includes(location), () -> "in shard " + shard, () -> "not in shard " + shard);
    }
}
