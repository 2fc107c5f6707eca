# Draws init-gradients.svg from init-gradients.dat; run `gnuplot init-gradients.gp` in this folder.
set terminal svg size 1150,1020 dynamic enhanced font 'Helvetica,10'
set output 'init-gradients.svg'
set multiplot layout 6,5 margins 0.045,0.99,0.05,0.970 spacing 0.05,0.075
set style fill solid 0.7 noborder
set tics font ',7'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set format x '%g'
set format y '%g'
set key off
set yrange [0:*]
set samples 200
set xlabel 'gradient' font ',7' offset 0,1
set title 'Sigmoid: layers.0.weight (512x784)' font ',9' offset 0,-0.6
set xrange [-1.39210852e-05:1.37281813e-05]
set xtics 1e-05
plot 'init-gradients.dat' index 0 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 1 using 1:(0.000184977279) smooth kdensity bandwidth 5.17716995e-07 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: layers.2.weight (256x512)' font ',9' offset 0,-0.6
set xrange [-5.67835013e-05:4.53040047e-05]
set xtics 5e-05
plot 'init-gradients.dat' index 2 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 3 using 1:(0.00022301356) smooth kdensity bandwidth 2.6508912e-06 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: layers.4.weight (256x256)' font ',9' offset 0,-0.6
set xrange [-0.00026138773:0.000384764542]
set xtics 0.0002
plot 'init-gradients.dat' index 4 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 5 using 1:(0.000705770588) smooth kdensity bandwidth 1.80908226e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: layers.6.weight (128x256)' font ',9' offset 0,-0.6
set xrange [-0.00280778576:0.00294456212]
set xtics 0.002
plot 'init-gradients.dat' index 6 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 7 using 1:(0.00314154892) smooth kdensity bandwidth 0.00018197015 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: layers.8.weight (10x128)' font ',9' offset 0,-0.6
set xrange [-0.0389008261:0.0783241242]
set xtics 0.05
plot 'init-gradients.dat' index 8 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 9 using 1:(0.00390749834) smooth kdensity bandwidth 0.00560267885 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: layers.0.weight (512x784)' font ',9' offset 0,-0.6
set xrange [-0.00289622275:0.00299101486]
set xtics 0.002
plot 'init-gradients.dat' index 10 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 11 using 1:(0.0393864046) smooth kdensity bandwidth 0.000100901605 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: layers.2.weight (256x512)' font ',9' offset 0,-0.6
set xrange [-0.00433423696:0.0059266449]
set xtics 0.005
plot 'init-gradients.dat' index 12 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 13 using 1:(0.0224152384) smooth kdensity bandwidth 0.000135156396 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: layers.4.weight (256x256)' font ',9' offset 0,-0.6
set xrange [-0.00380686438:0.0035225912]
set xtics 0.002
plot 'init-gradients.dat' index 14 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 15 using 1:(0.00800572001) smooth kdensity bandwidth 0.000146923059 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: layers.6.weight (128x256)' font ',9' offset 0,-0.6
set xrange [-0.00538742868:0.00570645276]
set xtics 0.005
plot 'init-gradients.dat' index 16 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 17 using 1:(0.00605873845) smooth kdensity bandwidth 0.000213378821 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: layers.8.weight (10x128)' font ',9' offset 0,-0.6
set xrange [-0.015360862:0.0109994747]
set xtics 0.01
plot 'init-gradients.dat' index 18 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 19 using 1:(0.00087867789) smooth kdensity bandwidth 0.000829117221 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: layers.0.weight (512x784)' font ',9' offset 0,-0.6
set xrange [-0.000931904302:0.00107915979]
set xtics 0.001
plot 'init-gradients.dat' index 20 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 21 using 1:(0.0134542869) smooth kdensity bandwidth 3.2748161e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: layers.2.weight (256x512)' font ',9' offset 0,-0.6
set xrange [-0.0024821118:0.00204241509]
set xtics 0.002
plot 'init-gradients.dat' index 22 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 23 using 1:(0.0098839798) smooth kdensity bandwidth 4.18849132e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: layers.4.weight (256x256)' font ',9' offset 0,-0.6
set xrange [-0.00267924252:0.00191737548]
set xtics 0.002
plot 'init-gradients.dat' index 24 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 25 using 1:(0.00502073263) smooth kdensity bandwidth 4.29627045e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: layers.6.weight (128x256)' font ',9' offset 0,-0.6
set xrange [-0.00327389594:0.00468407897]
set xtics 0.002
plot 'init-gradients.dat' index 26 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 27 using 1:(0.00434611537) smooth kdensity bandwidth 6.71327725e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: layers.8.weight (10x128)' font ',9' offset 0,-0.6
set xrange [-0.00400259718:0.00469597802]
set xtics 0.005
plot 'init-gradients.dat' index 28 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 29 using 1:(0.000289952507) smooth kdensity bandwidth 0.000238511113 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: layers.0.weight (512x784)' font ',9' offset 0,-0.6
set xrange [-0.00100258272:0.00126289227]
set xtics 0.001
plot 'init-gradients.dat' index 30 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 31 using 1:(0.0151563298) smooth kdensity bandwidth 3.54921047e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: layers.2.weight (256x512)' font ',9' offset 0,-0.6
set xrange [-0.0023682809:0.0020000448]
set xtics 0.002
plot 'init-gradients.dat' index 32 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 33 using 1:(0.00954275309) smooth kdensity bandwidth 4.59614657e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: layers.4.weight (256x256)' font ',9' offset 0,-0.6
set xrange [-0.00276316446:0.00200485694]
set xtics 0.002
plot 'init-gradients.dat' index 34 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 35 using 1:(0.00520795085) smooth kdensity bandwidth 4.66266527e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: layers.6.weight (128x256)' font ',9' offset 0,-0.6
set xrange [-0.00318762311:0.00487829652]
set xtics 0.005
plot 'init-gradients.dat' index 36 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 37 using 1:(0.00440506757) smooth kdensity bandwidth 7.09263583e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: layers.8.weight (10x128)' font ',9' offset 0,-0.6
set xrange [-0.00488464721:0.00470991293]
set xtics 0.005
plot 'init-gradients.dat' index 38 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 39 using 1:(0.000319818671) smooth kdensity bandwidth 0.000251431343 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: layers.0.weight (512x784)' font ',9' offset 0,-0.6
set xrange [-0.00262971385:0.00295370165]
set xtics 0.002
plot 'init-gradients.dat' index 40 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 41 using 1:(0.0373537942) smooth kdensity bandwidth 9.84403953e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: layers.2.weight (256x512)' font ',9' offset 0,-0.6
set xrange [-0.00454844208:0.00697781565]
set xtics 0.005
plot 'init-gradients.dat' index 42 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 43 using 1:(0.0251794942) smooth kdensity bandwidth 0.000129897891 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: layers.4.weight (256x256)' font ',9' offset 0,-0.6
set xrange [-0.0037952736:0.0037567718]
set xtics 0.002
plot 'init-gradients.dat' index 44 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 45 using 1:(0.00824884745) smooth kdensity bandwidth 0.000139616327 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: layers.6.weight (128x256)' font ',9' offset 0,-0.6
set xrange [-0.00496165128:0.00527035119]
set xtics 0.005
plot 'init-gradients.dat' index 46 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 47 using 1:(0.00558803762) smooth kdensity bandwidth 0.00020001906 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: layers.8.weight (10x128)' font ',9' offset 0,-0.6
set xrange [-0.0156317316:0.00944010913]
set xtics 0.01
plot 'init-gradients.dat' index 48 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 49 using 1:(0.000835728024) smooth kdensity bandwidth 0.000785489711 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: layers.0.weight (512x784)' font ',9' offset 0,-0.6
set xrange [-0.000375434523:0.000405027531]
set xtics 0.0002
plot 'init-gradients.dat' index 50 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 51 using 1:(0.00522139521) smooth kdensity bandwidth 9.51001147e-06 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: layers.2.weight (256x512)' font ',9' offset 0,-0.6
set xrange [-0.000528994075:0.000876890379]
set xtics 0.0005
plot 'init-gradients.dat' index 52 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 53 using 1:(0.00307120145) smooth kdensity bandwidth 1.20869813e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: layers.4.weight (256x256)' font ',9' offset 0,-0.6
set xrange [-0.000453730259:0.000380296377]
set xtics 0.0005
plot 'init-gradients.dat' index 54 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 55 using 1:(0.000910979493) smooth kdensity bandwidth 1.28843472e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: layers.6.weight (128x256)' font ',9' offset 0,-0.6
set xrange [-0.00050474517:0.000553279708]
set xtics 0.0005
plot 'init-gradients.dat' index 56 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 57 using 1:(0.000577822653) smooth kdensity bandwidth 1.96619694e-05 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: layers.8.weight (10x128)' font ',9' offset 0,-0.6
set xrange [-0.00190798542:0.00179463835]
set xtics 0.001
plot 'init-gradients.dat' index 58 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 59 using 1:(0.000123420792) smooth kdensity bandwidth 0.000120109462 with lines lw 1.5 lc rgb '#08306b'
unset multiplot
unset output
