// GEMM-only replica of a training step's 14 products (784-512-256-256-128-10,
// batch 256) under different work splits, to choose Nets' schedule
// (docs/threading.md). Build and run:
//   gcc -O2 -o /tmp/gemm_schedules Benchmarks/schedules/gemm_schedules.c -lopenblas -lpthread
//   OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1 /tmp/gemm_schedules V 100
// V: 0 one thread, whole calls; 4 two independent whole-call steps at once
// (the two-thread bound); 1 64-row blocks (numerics 1); 2 row halves for the
// forward and input gradients, column halves for every dW; 3 as 2 with the
// first forward product in column halves; 5 schedule 2 on one thread;
// 6 the lanes (numerics 2); 7 the lanes on one thread. Prints 5 repeats of the mean step time.
#define _GNU_SOURCE
#include <cblas.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdatomic.h>
static int S[6]={784,512,256,256,128,10};
#define L 5
#define R 256
typedef struct { float *x[L+1],*w[L],*z[L],*d[L],*dw[L],*t[L]; } Net;
static void *al(size_t n){float*p=aligned_alloc(64,((n*4+63)/64)*64);for(size_t i=0;i<n;i++)p[i]=(float)((i*7919)%1000)/1000.f-0.5f;return p;}
static void mk(Net*n){for(int l=0;l<L;l++){n->x[l]=al(R*S[l]);n->w[l]=al(S[l]*S[l+1]);n->z[l]=al(R*S[l+1]);n->d[l]=al(R*S[l+1]);n->dw[l]=al(S[l]*S[l+1]);n->t[l]=al(R*S[l]);}}
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static void fwd(Net*n,int l,int r0,int m,int c0,int nc){cblas_sgemm(CblasRowMajor,CblasNoTrans,CblasTrans,m,nc,S[l],1,n->x[l]+r0*S[l],S[l],n->w[l]+c0*S[l],S[l],0,n->z[l]+r0*S[l+1]+c0,S[l+1]);}
static void ig(Net*n,int l,int r0,int m,int c0,int nc){cblas_sgemm(CblasRowMajor,CblasNoTrans,CblasNoTrans,m,nc,S[l+1],1,n->d[l]+r0*S[l+1],S[l+1],n->w[l]+c0,S[l],0,n->t[l]+r0*S[l]+c0,S[l]);}
static void wg(Net*n,int l,int o0,int m,int c0,int nc){cblas_sgemm(CblasRowMajor,CblasTrans,CblasNoTrans,m,nc,R,1,n->d[l]+o0,S[l+1],n->x[l]+c0,S[l],0,n->dw[l]+o0*S[l]+c0,S[l]);}
static void whole(Net*n){for(int l=0;l<L;l++)fwd(n,l,0,R,0,S[l+1]);for(int l=L-1;l>0;l--)ig(n,l,0,R,0,S[l]);for(int l=0;l<L;l++)wg(n,l,0,S[l+1],0,S[l]);}
// Lane 0 takes n/2 rounded down to 16 floats (n >= 32), lane 1 the rest, as Lanes.columns.
static int half(int n,int q){int h=n>=32?n/2/16*16:n/2; return q==0?h:n-h;}
static int hoff(int n,int q){return q==0?0:half(n,0);}
// variant, part p of P=2
static _Atomic int bar=0; static int nth=2;
static void barrier(int*gen){int g=++*gen; atomic_fetch_add(&bar,1); while(atomic_load(&bar)<g*nth);}
static void part(Net*n,int v,int p,int*gen){
 if(v==1){ // 64-row blocks, contiguous half per thread
   for(int l=0;l<L;l++)for(int b=p*2;b<p*2+2;b++)fwd(n,l,b*64,64,0,S[l+1]); barrier(gen);
   for(int l=L-1;l>0;l--)for(int b=p*2;b<p*2+2;b++)ig(n,l,b*64,64,0,S[l]); barrier(gen);
   for(int l=0;l<L;l++){int nb=(S[l+1]+63)/64;int b0=p*nb/2,b1=(p+1)*nb/2;for(int b=b0;b<b1;b++){int m=S[l+1]-b*64;if(m>64)m=64;wg(n,l,b*64,m,0,S[l]);}} barrier(gen);
 } else if(v==6){
   static _Atomic int ready[L]; // ready[l] = step gen at which delta_l is final
   for(int l=0;l<L;l++) fwd(n,l,p*128,128,0,S[l+1]); barrier(gen);
   int g=*gen;
   if(p==0){ wg(n,4,0,S[5],0,S[4]); for(int l=3;l>=1;l--){ while(atomic_load(&ready[l])<g); wg(n,l,0,S[l+1],0,S[l]);} while(atomic_load(&ready[0])<g); wg(n,0,0,S[1],0,half(S[0],0)); }
   else { for(int l=4;l>=1;l--){ ig(n,l,0,R,0,S[l]); atomic_store(&ready[l-1],g);} wg(n,0,0,S[1],half(S[0],0),half(S[0],1)); }
   barrier(gen);
 } else if(v==2||v==3){
   for(int l=0;l<L;l++){ if(v==3&&l==0){fwd(n,l,0,R,hoff(S[1],p),half(S[1],p));barrier(gen);} else fwd(n,l,p*128,128,0,S[l+1]);} barrier(gen);
   for(int l=L-1;l>0;l--)ig(n,l,p*128,128,0,S[l]); barrier(gen);
   for(int l=0;l<L;l++)wg(n,l,0,S[l+1],hoff(S[l],p),half(S[l],p)); barrier(gen);
 }
}
typedef struct{Net*n;int v,p,steps;double t;}Arg;
static void*th(void*a){Arg*A=a;int gen=0;double t0=now();for(int s=0;s<A->steps;s++){ if(A->v==4) whole(A->n); else part(A->n,A->v,A->p,&gen);}A->t=(now()-t0)/A->steps;return 0;}
int main(int argc,char**argv){int steps=atoi(argv[2]);int v=atoi(argv[1]);Net a,b;mk(&a);mk(&b);
 double fl=0;for(int l=0;l<L;l++)fl+=2.0*2*R*S[l]*S[l+1];for(int l=1;l<L;l++)fl+=2.0*R*S[l]*S[l+1];
 for(int rep=0;rep<5;rep++){
 double t;
 if(v==0){double t0=now();for(int s=0;s<steps;s++)whole(&a);t=(now()-t0)/steps;}
 else if(v==5){nth=1;int gen=0;bar=0;double t0=now();for(int s=0;s<steps;s++){part(&a,2,0,&gen);part(&a,2,1,&gen);}t=(now()-t0)/steps;}
 else if(v==7){nth=1;int gen=0;bar=0;double t0=now();for(int s=0;s<steps;s++){for(int l=0;l<L;l++){fwd(&a,l,0,128,0,S[l+1]);} for(int l=0;l<L;l++){fwd(&a,l,128,128,0,S[l+1]);}
   for(int l=4;l>=1;l--) ig(&a,l,0,R,0,S[l]); wg(&a,0,0,S[1],half(S[0],0),half(S[0],1)); for(int l=4;l>=1;l--) wg(&a,l,0,S[l+1],0,S[l]); wg(&a,0,0,S[1],0,half(S[0],0));}t=(now()-t0)/steps;}
 else {nth=2;bar=0;pthread_t t1;Arg A0={&a,v,0,steps},A1={v==4?&b:&a,v,1,steps};pthread_create(&t1,0,th,&A1);th(&A0);pthread_join(t1,0);t=(A0.t>A1.t?A0.t:A1.t);}
 printf("v%d step %.3f ms  %.1f GFLOP/s (per epoch %.3f s)\n",v,t*1e3,fl/t/1e9*(v==4?2:1),t*195*(v==4?0.5:1));}
}
