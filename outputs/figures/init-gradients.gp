# Draws init-gradients.svg from init-gradients.dat; run `gnuplot init-gradients.gp` in this folder.
set terminal svg size 940,752 dynamic enhanced font 'Helvetica,10'
set output 'init-gradients.svg'
set multiplot
set style fill solid 0.7 noborder
set tics font ',9'
set xtics nomirror out scale 0.5 offset 0,0.3
set ytics nomirror out scale 0.5 offset 0.4,0
set key off
set samples 200
set label 'layers.0.weight (512x784)' at screen 0.1349,0.9867 center font ',10'
set label 'layers.2.weight (256x512)' at screen 0.3281,0.9867 center font ',10'
set label 'layers.4.weight (256x256)' at screen 0.5213,0.9867 center font ',10'
set label 'layers.6.weight (128x256)' at screen 0.7145,0.9867 center font ',10'
set label 'layers.8.weight (10x128)' at screen 0.9077,0.9867 center font ',10'
set label 'Sigmoid' at screen 0.0128,0.9036 center rotate by 90 font ',11'
set label 'Tanh' at screen 0.0128,0.7467 center rotate by 90 font ',11'
set label 'ReLU' at screen 0.0128,0.5898 center rotate by 90 font ',11'
set label 'LeakyReLU' at screen 0.0128,0.4328 center rotate by 90 font ',11'
set label 'ELU' at screen 0.0128,0.2759 center rotate by 90 font ',11'
set label 'Swish' at screen 0.0128,0.1190 center rotate by 90 font ',11'
set label 'gradient' at screen 0.5213,0.0160 center font ',10'
set lmargin at screen 0.0596
set rmargin at screen 0.2102
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-1.39210888e-05:1.37281841e-05]
set yrange [0:71747]
set xtics ("-1e-5" -1e-05, "0" 0, "1e-5" 1e-05)
set ytics ("0" 0, "25k" 25000, "50k" 50000)
plot 'init-gradients.dat' index 0 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 1 using 1:(0.000184977322) smooth kdensity bandwidth 5.17716988e-07 with lines lw 1.5 lc rgb '#08306b'
unset label
set lmargin at screen 0.2528
set rmargin at screen 0.4034
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-5.67834941e-05:4.53040084e-05]
set yrange [0:18202.3]
set xtics ("-2.5e-5" -2.5e-05, "0" 0, "2.5e-5" 2.5e-05)
set ytics ("0" 0, "10k" 10000)
plot 'init-gradients.dat' index 2 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 3 using 1:(0.000223013552) smooth kdensity bandwidth 2.65089121e-06 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4460
set rmargin at screen 0.5966
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-0.0002613877:0.0003847646]
set yrange [0:7459.56]
set xtics ("-2e-4" -0.0002, "0" 0, "2e-4" 0.0002)
set ytics ("0" 0, "2.5k" 2500, "5k" 5000)
plot 'init-gradients.dat' index 4 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 5 using 1:(0.00070577062) smooth kdensity bandwidth 1.80908225e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6391
set rmargin at screen 0.7898
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-0.00280778552:0.00294456212]
set yrange [0:4572.72]
set xtics ("-2e-3" -0.002, "0" 0, "2e-3" 0.002)
set ytics ("0" 0, "2k" 2000, "4k" 4000)
plot 'init-gradients.dat' index 6 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 7 using 1:(0.00314154879) smooth kdensity bandwidth 0.000181970151 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.8323
set rmargin at screen 0.9830
set bmargin at screen 0.8391
set tmargin at screen 0.9681
set xrange [-0.0389008261:0.0783241242]
set yrange [0:212.76]
set xtics ("0" 0, "0.05" 0.05)
set ytics ("0" 0, "100" 100, "200" 200)
plot 'init-gradients.dat' index 8 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 9 using 1:(0.00390749834) smooth kdensity bandwidth 0.00560267888 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.2102
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.00289622252:0.00299101486]
set yrange [0:81791.3]
set xtics ("-2e-3" -0.002, "0" 0, "2e-3" 0.002)
set ytics ("0" 0, "50k" 50000)
plot 'init-gradients.dat' index 10 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 11 using 1:(0.039386403) smooth kdensity bandwidth 0.000100901605 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.2528
set rmargin at screen 0.4034
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.00433423696:0.00592664536]
set yrange [0:35422.1]
set xtics ("0" 0, "5e-3" 0.005)
set ytics ("0" 0, "20k" 20000)
plot 'init-gradients.dat' index 12 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 13 using 1:(0.0224152395) smooth kdensity bandwidth 0.000135156395 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4460
set rmargin at screen 0.5966
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.00380686508:0.0035225919]
set yrange [0:12687.8]
set xtics ("-2e-3" -0.002, "0" 0, "2e-3" 0.002)
set ytics ("0" 0, "5k" 5000, "10k" 10000)
plot 'init-gradients.dat' index 14 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 15 using 1:(0.00800572154) smooth kdensity bandwidth 0.000146923061 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6391
set rmargin at screen 0.7898
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.00538742961:0.0057064537]
set yrange [0:6498.92]
set xtics ("-2.5e-3" -0.0025, "0" 0, "2.5e-3" 0.0025)
set ytics ("0" 0, "2.5k" 2500, "5k" 5000)
plot 'init-gradients.dat' index 16 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 17 using 1:(0.00605873947) smooth kdensity bandwidth 0.000213378822 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.8323
set rmargin at screen 0.9830
set bmargin at screen 0.6822
set tmargin at screen 0.8112
set xrange [-0.0153608602:0.0109994747]
set yrange [0:153.36]
set xtics ("-0.01" -0.01, "0" 0)
set ytics ("0" 0, "100" 100)
plot 'init-gradients.dat' index 18 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 19 using 1:(0.000878677828) smooth kdensity bandwidth 0.000829117235 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.2102
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-0.000931904302:0.00107915956]
set yrange [0:116493]
set xtics ("-5e-4" -0.0005, "0" 0, "5e-4" 0.0005)
set ytics ("0" 0, "50k" 50000, "100k" 100000)
plot 'init-gradients.dat' index 20 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 21 using 1:(0.0134542854) smooth kdensity bandwidth 3.27481611e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.2528
set rmargin at screen 0.4034
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-0.0024821118:0.00204241485]
set yrange [0:99744.5]
set xtics ("-2e-3" -0.002, "0" 0)
set ytics ("0" 0, "50k" 50000)
plot 'init-gradients.dat' index 22 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 23 using 1:(0.00988397929) smooth kdensity bandwidth 4.18849139e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4460
set rmargin at screen 0.5966
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-0.00267924229:0.00191737548]
set yrange [0:59629.9]
set xtics ("-2e-3" -0.002, "0" 0)
set ytics ("0" 0, "20k" 20000, "40k" 40000)
plot 'init-gradients.dat' index 24 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 25 using 1:(0.00502073237) smooth kdensity bandwidth 4.29627046e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6391
set rmargin at screen 0.7898
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-0.00327389594:0.00468407851]
set yrange [0:30794.7]
set xtics ("-2.5e-3" -0.0025, "0" 0, "2.5e-3" 0.0025)
set ytics ("0" 0, "20k" 20000)
plot 'init-gradients.dat' index 26 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 27 using 1:(0.00434611511) smooth kdensity bandwidth 6.71327734e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.8323
set rmargin at screen 0.9830
set bmargin at screen 0.5253
set tmargin at screen 0.6543
set xrange [-0.00400259765:0.00469597802]
set yrange [0:546.48]
set xtics ("-2.5e-3" -0.0025, "0" 0, "2.5e-3" 0.0025)
set ytics ("0" 0, "200" 200, "400" 400)
plot 'init-gradients.dat' index 28 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 29 using 1:(0.000289952522) smooth kdensity bandwidth 0.000238511114 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.2102
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.00100258272:0.0012628918]
set yrange [0:115239]
set xtics ("0" 0, "1e-3" 0.001)
set ytics ("0" 0, "50k" 50000, "100k" 100000)
plot 'init-gradients.dat' index 30 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 31 using 1:(0.0151563266) smooth kdensity bandwidth 3.54921045e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.2528
set rmargin at screen 0.4034
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.00236828066:0.0020000448]
set yrange [0:72703.4]
set xtics ("-2e-3" -0.002, "0" 0)
set ytics ("0" 0, "25k" 25000, "50k" 50000)
plot 'init-gradients.dat' index 32 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 33 using 1:(0.00954275258) smooth kdensity bandwidth 4.59614654e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4460
set rmargin at screen 0.5966
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.00276316423:0.00200485671]
set yrange [0:47999.2]
set xtics ("-2e-3" -0.002, "0" 0)
set ytics ("0" 0, "20k" 20000, "40k" 40000)
plot 'init-gradients.dat' index 34 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 35 using 1:(0.00520795034) smooth kdensity bandwidth 4.66266527e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6391
set rmargin at screen 0.7898
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.00318762311:0.00487829652]
set yrange [0:27318.4]
set xtics ("-2.5e-3" -0.0025, "0" 0, "2.5e-3" 0.0025)
set ytics ("0" 0, "10k" 10000, "20k" 20000)
plot 'init-gradients.dat' index 36 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 37 using 1:(0.00440506757) smooth kdensity bandwidth 7.0926357e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.8323
set rmargin at screen 0.9830
set bmargin at screen 0.3684
set tmargin at screen 0.4973
set xrange [-0.00488464721:0.00470991293]
set yrange [0:416.88]
set xtics ("-2.5e-3" -0.0025, "0" 0, "2.5e-3" 0.0025)
set ytics ("0" 0, "200" 200, "400" 400)
plot 'init-gradients.dat' index 38 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 39 using 1:(0.000319818671) smooth kdensity bandwidth 0.000251431343 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.2102
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.00262971479:0.00295370212]
set yrange [0:81625.2]
set xtics ("-2e-3" -0.002, "0" 0, "2e-3" 0.002)
set ytics ("0" 0, "50k" 50000)
plot 'init-gradients.dat' index 40 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 41 using 1:(0.0373538035) smooth kdensity bandwidth 9.84403948e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.2528
set rmargin at screen 0.4034
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.00454844162:0.00697781518]
set yrange [0:42407.5]
set xtics ("0" 0, "5e-3" 0.005)
set ytics ("0" 0, "20k" 20000, "40k" 40000)
plot 'init-gradients.dat' index 42 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 43 using 1:(0.0251794922) smooth kdensity bandwidth 0.00012989789 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4460
set rmargin at screen 0.5966
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.00379527407:0.00375677133]
set yrange [0:13402.8]
set xtics ("-2e-3" -0.002, "0" 0, "2e-3" 0.002)
set ytics ("0" 0, "5k" 5000, "10k" 10000)
plot 'init-gradients.dat' index 44 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 45 using 1:(0.00824884745) smooth kdensity bandwidth 0.000139616326 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6391
set rmargin at screen 0.7898
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.00496165128:0.00527035072]
set yrange [0:6334.2]
set xtics ("-2.5e-3" -0.0025, "0" 0, "2.5e-3" 0.0025)
set ytics ("0" 0, "2.5k" 2500, "5k" 5000)
plot 'init-gradients.dat' index 46 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 47 using 1:(0.00558803736) smooth kdensity bandwidth 0.000200019062 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.8323
set rmargin at screen 0.9830
set bmargin at screen 0.2114
set tmargin at screen 0.3404
set xrange [-0.0156317297:0.00944010913]
set yrange [0:163.08]
set xtics ("-0.01" -0.01, "0" 0)
set ytics ("0" 0, "100" 100)
plot 'init-gradients.dat' index 48 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 49 using 1:(0.000835727962) smooth kdensity bandwidth 0.00078548972 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.0596
set rmargin at screen 0.2102
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.000375434465:0.000405027677]
set yrange [0:124194]
set xtics ("-2e-4" -0.0002, "0" 0, "2e-4" 0.0002)
set ytics ("0" 0, "50k" 50000, "100k" 100000)
plot 'init-gradients.dat' index 50 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 51 using 1:(0.00522139579) smooth kdensity bandwidth 9.5100115e-06 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.2528
set rmargin at screen 0.4034
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.000528994016:0.000876890379]
set yrange [0:58877.1]
set xtics ("0" 0, "5e-4" 0.0005)
set ytics ("0" 0, "20k" 20000, "40k" 40000)
plot 'init-gradients.dat' index 52 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 53 using 1:(0.00307120132) smooth kdensity bandwidth 1.20869813e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.4460
set rmargin at screen 0.5966
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.000453730288:0.000380296377]
set yrange [0:16899.8]
set xtics ("-2e-4" -0.0002, "0" 0, "2e-4" 0.0002)
set ytics ("0" 0, "10k" 10000)
plot 'init-gradients.dat' index 54 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 55 using 1:(0.000910979525) smooth kdensity bandwidth 1.28843474e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.6391
set rmargin at screen 0.7898
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.00050474517:0.000553279708]
set yrange [0:6606.36]
set xtics ("-2.5e-4" -0.00025, "0" 0, "2.5e-4" 0.00025)
set ytics ("0" 0, "2.5k" 2500, "5k" 5000)
plot 'init-gradients.dat' index 56 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 57 using 1:(0.000577822653) smooth kdensity bandwidth 1.96619696e-05 with lines lw 1.5 lc rgb '#08306b'
set lmargin at screen 0.8323
set rmargin at screen 0.9830
set bmargin at screen 0.0545
set tmargin at screen 0.1835
set xrange [-0.00190798566:0.00179463835]
set yrange [0:141.48]
set xtics ("-1e-3" -0.001, "0" 0, "1e-3" 0.001)
set ytics ("0" 0, "50" 50, "100" 100)
plot 'init-gradients.dat' index 58 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 59 using 1:(0.0001234208) smooth kdensity bandwidth 0.000120109465 with lines lw 1.5 lc rgb '#08306b'
unset multiplot
unset output
