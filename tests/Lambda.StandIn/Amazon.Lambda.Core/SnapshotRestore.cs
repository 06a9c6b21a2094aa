using System;
using System.Threading.Tasks;

namespace Amazon.Lambda.Core;

public static class SnapshotRestore
{
    public static void RegisterBeforeSnapshot(Func<ValueTask> beforeSnapshotAction) => throw new NotImplementedException();

    public static void RegisterAfterRestore(Func<ValueTask> afterRestoreAction) => throw new NotImplementedException();
}
