import { Skeleton, SkeletonRows } from '@/components/ui';

export default function Loading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-8 w-48" />
      <SkeletonRows rows={8} />
    </div>
  );
}
